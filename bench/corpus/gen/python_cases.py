"""Python cases: pytest (junitxml), unittest (JSON result), ruff (JSON) and mypy (JSON) on projects/python/ledger."""
from __future__ import annotations

import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from gen.common import TOOLS, WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "python"
PY = "python3"


def versions() -> list[str]:
    return [tool_version(f"{PY} --version"), tool_version(f"{PY} -m pytest --version"),
            tool_version(f"{PY} -m pip --version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], runner: bool = False,
            color: bool = False) -> tuple[Job, Path, Path]:
    origin = copy_project(ECO, "ledger", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, runner=runner, env={"PYTHONDONTWRITEBYTECODE": "1"})
    work = WORK / case
    src = job.checkout(origin, work)
    return job, work, src


def venv_steps(job: Job, work: Path, src: Path, packages: str = "") -> Path:
    """A venv with the project installed into it (real pip output). Without `packages` the venv
    inherits the system's pytest; with them it is isolated and pytest comes from the index too."""
    venv = work / "venv"
    if venv.exists():
        shutil.rmtree(venv)
    if packages:
        job.run("Set up Python", f"{PY} --version && {PY} -m venv {venv}", work)
        job.run("Install dependencies", f"{venv}/bin/python -m pip install --no-cache-dir {packages}", src)
        job.run("Install project", f"{venv}/bin/python -m pip install --no-cache-dir -e . && "
                f"{venv}/bin/python -m pytest --version", src)
    else:
        job.run("Set up Python", f"{PY} --version && {PY} -m venv --system-site-packages {venv} && "
                f"{venv}/bin/python -m pytest --version", work)
        job.run("Install", f"{venv}/bin/python -m pip install -e .", src)
    return venv


def junit_facts(xml: Path, source: str = "pytest --junitxml (xunit1)") -> list[dict]:
    """Failed/errored testcases: nodeid, first line of the message, innermost project location; summary."""
    root = ET.parse(xml).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    assert suite is not None
    facts = []
    for case in suite.iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            continue
        file = case.get("file") or ""
        module = file[:-3].replace("/", ".") if file.endswith(".py") else ""
        classname = case.get("classname") or ""
        name = case.get("name") or ""
        if not classname and file:  # collection error: the module is the failing item
            nodeid = file
        elif module and classname.startswith(module + "."):
            nodeid = f"{file}::{classname[len(module) + 1:]}::{name}"
        elif file and name:
            nodeid = f"{file}::{name}"
        else:
            raise ValueError(f"unexpected testcase {case.attrib}")
        body = problem.text or ""
        message = (problem.get("message") or "").splitlines()[0] if problem.get("message") else ""
        kind = "failed_test"
        if problem.tag == "error" and "collection failure" in (problem.get("message") or ""):
            facts.append(fact("critical", "failed_test", [f"ERROR {nodeid}"], f"{source} testcase error@classname"))
            errors = [line[1:].strip() for line in body.splitlines() if line.startswith("E ")]
            if errors:
                facts.append(fact("critical", "error", [errors[-1]], f"{source} error text, last E line"))
        else:
            facts.append(fact("critical", kind, [nodeid], f"{source} testcase@file+classname+name"))
            if message:
                facts.append(fact("critical", "error", [message], f"{source} {problem.tag}@message, first line"))
        locations = re.findall(r"^([\w./-]+\.py):(\d+): \w+", body, re.M)
        if locations:
            path, line = locations[-1]
            facts.append(fact("high", "location", [f"{path}:{line}"], f"{source} {problem.tag} text, last frame"))
    tests, failures = int(suite.get("tests", 0)), int(suite.get("failures", 0))
    errors, skipped = int(suite.get("errors", 0)), int(suite.get("skipped", 0))
    passed = tests - failures - errors - skipped
    if failures and passed:
        facts.append(fact("high", "summary", [f"{failures} failed, {passed} passed"], f"{source} testsuite counts"))
    elif failures:
        facts.append(fact("high", "summary", [f"{failures} failed"], f"{source} testsuite counts"))
    if errors:
        word = "error" if errors == 1 else "errors"
        facts.append(fact("high", "summary", [f"{errors} {word}"], f"{source} testsuite counts"))
    return facts


def warning_facts(path: Path, root: Path) -> list[dict]:
    """One medium fact per distinct warning (category at one file:line); messages that differ only in
    their data are one warning, represented by their common prefix."""
    groups: dict[tuple[str, str, int], list[str]] = {}
    if not path.exists():
        return []
    for line in path.read_text().splitlines():
        w = json.loads(line)
        groups.setdefault((w["category"], w["filename"], w["lineno"]), []).append(w["message"])
    facts = []
    for (category, filename, lineno), messages in groups.items():
        prefix = os.path.commonprefix(messages)
        if len(set(messages)) > 1:
            prefix = prefix[: prefix.rfind(" ")] if " " in prefix else prefix
        name = os.path.relpath(filename, root) if filename.startswith(str(root)) else filename
        facts.append(fact("medium", "warning", [f"{category}: {prefix}", f"{name}:{lineno}"],
                          f"pytest_warning_recorded JSON ({len(messages)} times)"))
    return facts


def pytest_case(case: str, mutations: list[tuple[str, str, str]], args: str = "", runner: bool = False,
                color: bool = False, env: dict[str, str] | None = None, packages: str = "",
                after: list[tuple[str, str]] | None = None, note: str = "") -> None:
    job, work, src = prepare(case, mutations, runner=runner, color=color)
    venv = venv_steps(job, work, src, packages)
    xml = work / "junit.xml"
    warn_json = work / "warnings.jsonl"
    warn_json.unlink(missing_ok=True)
    run_env = {"PYTHONPATH": str(TOOLS), "WARNINGS_JSON": str(warn_json), **(env or {})}
    colour = "--color=yes" if color else ""
    command = (f"{venv}/bin/python -m pytest {colour} {args} -p pytest_warnings_json "
               f"--junitxml={xml} -o junit_family=xunit1").replace("  ", " ")
    job.run("Test", command, src, env=run_env, expect_fail=True)
    for title, extra in after or []:
        job.run(title, extra, src, always=True, expect_fail=False)
    facts = junit_facts(xml) + warning_facts(warn_json, src)
    facts.append(fact("low", "summary", [tool_version(f"{venv}/bin/python -m pytest --version")], "pytest --version"))
    write_case(job, ECO, "pytest", facts, versions(), note)


def unittest_case() -> None:
    case = "py-unittest-fail-error"
    job, work, src = prepare(case, [
        ("ledger/money.py", "base + (1 if i < extra else 0)", "base + (1 if i <= extra else 0)"),
        ("ledger/stats.py", "totals[entry.category] = totals[entry.category] + entry.amount",
         "totals[entry.category] = totals[entry.payee] + entry.amount"),
        ("ledger/stats.py", "sorted(entries, key=lambda e: e.date)", "sorted(entries, key=lambda e: e.date.isoweekday)"),
    ])
    job.run("Set up Python", f"{PY} --version", work)
    job.run("Test", f"{PY} -m unittest discover -v -s utests -t .", src, expect_fail=True)
    data = json.loads(capture(f"{PY} {TOOLS}/unittest_json.py utests .", src))
    facts = []
    for kind, items in (("FAIL", data["failures"]), ("ERROR", data["errors"])):
        for item in items:
            facts.append(fact("critical", "failed_test", [f"{kind}: {item['test']}"], f"unittest result.{kind.lower()}s"))
            last = item["traceback"].strip().splitlines()[-1]
            facts.append(fact("critical", "error", [last], "unittest traceback, last line"))
            frames = re.findall(r'File "([^"]+)", line (\d+)', item["traceback"])
            if frames:
                file, line = frames[-1]
                facts.append(fact("high", "location", [f'{file}", line {line}'], "unittest traceback, last frame"))
    failures, errors = len(data["failures"]), len(data["errors"])
    facts.append(fact("high", "summary", [f"Ran {data['testsRun']} tests"], "unittest result.testsRun"))
    counts = ", ".join(f"{k}={v}" for k, v in (("failures", failures), ("errors", errors)) if v)
    facts.append(fact("high", "summary", [f"FAILED ({counts})"], "unittest result counts"))
    write_case(job, ECO, "unittest", facts, versions())


def lint_case() -> None:
    case = "py-ruff-mypy-lint"
    job, work, src = prepare(case, [
        ("ledger/money.py", "import re\n", "import re\nimport os\n"),
        ("ledger/parse.py", "    missing = [name for name", "    if reader.fieldnames == None:\n        return []\n    missing = [name for name"),
        ("ledger/stats.py", "    return min(expenses, key=lambda e: e.amount)",
         "    return str(min(expenses, key=lambda e: e.amount))"),
        ("ledger/report.py", "def render_report(entries: list[Entry], width: int = 32) -> str:",
         "def render_report(entries: list[Entry], width: int = 32, seen: list[str] = []) -> str:"),
        ("ledger/report.py", '    lines += ["-" * width', '    grand.cents += 0\n    lines += ["-" * width'),
    ])
    job.run("Set up Python", f"{PY} --version && ruff --version && mypy --version", work)
    job.run("Ruff", "ruff check .", src, expect_fail=True)
    job.run("Mypy", "mypy", src, always=True, expect_fail=True)
    ruff = json.loads(capture("ruff check --output-format json .", src))
    facts = []
    for d in ruff:
        rel = os.path.relpath(d["filename"], src)
        facts.append(fact("critical", "error", [d["code"], d["message"], f"{rel}:{d['location']['row']}:{d['location']['column']}"],
                          "ruff --output-format json"))
    facts.append(fact("high", "summary", [f"Found {len(ruff)} errors."], "ruff JSON count"))
    mypy_lines = capture("mypy -O json", src).splitlines()
    errors = 0
    for line in mypy_lines:
        if not line.startswith("{"):
            continue
        d = json.loads(line)
        if d["severity"] == "error":
            errors += 1
            facts.append(fact("critical", "error", [f"{d['file']}:{d['line']}: error: {d['message']}", f"[{d['code']}]"],
                              "mypy -O json"))
        else:
            facts.append(fact("medium", "warning", [f"{d['file']}:{d['line']}: {d['severity']}: {d['message']}"], "mypy -O json"))
    facts.append(fact("high", "summary", [f"Found {errors} error{'s' if errors != 1 else ''} in"], "mypy JSON count"))
    facts.append(fact("low", "summary", [tool_version("ruff --version")], "ruff --version"))
    facts.append(fact("low", "summary", [tool_version("mypy --version").split(" (")[0]], "mypy --version"))
    write_case(job, ECO, "ruff+mypy", facts, [tool_version("ruff --version"), tool_version("mypy --version"), *versions()])


WARN = ("ledger/money.py", '    match = _AMOUNT.match(raw)\n',
        '    if "," in raw:\n'
        '        warnings.warn(f"thousands separator in {text!r} is deprecated, pass plain digits",\n'
        '                      DeprecationWarning, stacklevel=1)\n'
        '    match = _AMOUNT.match(raw)\n')
WARN_IMPORT = ("ledger/money.py", "import re\n", "import re\nimport warnings\n")


def main() -> None:
    if run_only(globals()):
        return
    pytest_case("py-pytest-basic", [
        ("ledger/money.py", '.ljust(2, "0")', '.rjust(2, "0")'),
        ("ledger/stats.py", "return min(expenses, key=lambda e: e.amount)", "return max(expenses, key=lambda e: e.amount)"),
        ("ledger/parse.py", 'row["category"].strip().lower()', 'row["category"].strip()'),
    ], args="-q")
    pytest_case("py-pytest-buried-5000-pass", [
        ("ledger/money.py", 'if match["sign"] == "-" or negative:', 'if match["sign"] == "-" and units or negative:'),
        ("tests/test_bulk.py", "[(n * 7919) % 1_000_003 - 500_000 for n in range(COUNT)]",
         "[(n - COUNT // 2) * 97 + 13 for n in range(COUNT)]"),
    ], args="-v", env={"LEDGER_BULK": "6000"}, note="bulk round-trip test widened to 6000 amounts sweeping through zero")
    pytest_case("py-pytest-pip-setup-runner", [
        ("ledger/parse.py", "return dt.date.fromisoformat(text.strip())",
         'return dt.datetime.strptime(text.strip(), "%Y-%d-%m").date()'),
    ], args="-q", runner=True, packages="pytest requests rich hypothesis pydantic attrs click jinja2 packaging")
    pytest_case("py-pytest-warnings-flood", [
        WARN_IMPORT, WARN,
        ("ledger/report.py", "    grand = sum((t for t in totals.values()), Money(0))",
         "    grand = sum((t for t in totals.values() if t.cents > 0), Money(0))"),
        ("tests/test_bulk.py", "[(n * 7919) % 1_000_003 - 500_000 for n in range(COUNT)]",
         "[(n * 7919) % 1_000_003 - 500_000 for n in range(COUNT)]"),
    ], args="-q", env={"LEDGER_BULK": "400"})
    pytest_case("py-pytest-collection-errors", [
        ("tests/test_report.py", "    assert [line.split()[0] for line in lines[2:6]] == [", "    assert [line.split()[0] for line in lines[2:6] == ["),
        ("ledger/stats.py", "def largest_expense(", "def biggest_expense("),
    ], args="-q")
    pytest_case("py-pytest-color", [
        ("ledger/money.py", "return [Money(base + (1 if i < extra else 0)) for i in range(parts)]",
         "return [Money(base + (1 if i < extra else 0)) for i in range(parts - 1)]"),
        ("ledger/stats.py", 'key = f"{entry.date.year:04d}-{entry.date.month:02d}"', 'key = f"{entry.date.year:04d}-{entry.date.day:02d}"'),
    ], args="", color=True)
    pytest_case("py-pytest-runner-timestamps", [
        ("ledger/money.py", 'return f"{sign}{units:,}.{cents:02d}"', 'return f"{sign}{units}.{cents:02d}"'),
        ("ledger/parse.py", 'raise RowError(number, str(error)) from error', 'raise RowError(number - 1, str(error)) from error'),
    ], args="-q", runner=True)
    unittest_case()
    lint_case()


if __name__ == "__main__":
    main()
