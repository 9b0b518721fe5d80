"""Python-hosted tools no recognizer knows: behave (--junit), Robot Framework (output.xml), Ansible (the
junit callback), tox wrapping a doctest run (doctest's own runner, tox --result-json), and a pip
ResolutionImpossible against a local wheel index (the wheels' METADATA). Each job installs its tool
from PyPI into a fresh venv, as a CI job would."""

from __future__ import annotations

import glob
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from hgen.base import TOOLS, WORK, Job, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob
from hgen.junit import failures

ECO = "pytools"
# the machine's pip settings point at local mirrors; a CI runner's pip talks to the index alone
ENV = {"PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": "", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}


def venv(job: Job, src: Path, packages: str) -> Path:
    path = WORK / job.case / "venv"
    if path.exists():
        shutil.rmtree(path)
    job.run(
        "Install tools",
        f"python3 -m venv {path} && {path}/bin/python -m pip install {packages}",
        src,
        expect_fail=False,
    )
    return path / "bin"


def behave_case() -> None:
    case = "py-behave-outline-error-names"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "cart",
        [
            ("cart/__init__.py", "self.lines[sku] = (old + quantity, cents)", "self.lines[sku] = (quantity, cents)"),
            ("cart/__init__.py", "if self.subtotal() >= FREE_SHIPPING_FROM", "if self.subtotal() > FREE_SHIPPING_FROM"),
            ("cart/__init__.py", "self.lines.pop(sku, None)", "del self.lines[sku]"),
            ("cart/__init__.py", '503: "unavailable"', '530: "unavailable"'),
        ],
    )
    bin_ = venv(job, src, "behave==1.3.3")
    job.run("Test", f"{bin_}/behave --version && {bin_}/behave --no-color", src, expect_fail=True)
    reports = WORK / case / "junit"
    capture(f"{bin_}/behave --no-color --junit --junit-directory {reports}", src, ENV)
    source = "second behave run, --junit"
    facts = []
    scenarios = failed = errors = skipped = 0
    for xml in sorted(reports.glob("*.xml")):
        found, total = failures(xml)
        scenarios += total
        suite = ET.parse(xml).getroot()
        skipped += int(suite.get("skipped", 0))
        for f in found:
            failed, errors = failed + (f.tag == "failure"), errors + (f.tag == "error")
            facts.append(fact("critical", "failed_test", [f.name], source + " (testcase name)"))
            line = f"ASSERT FAILED: {f.message}" if f.tag == "failure" else f"{_error_type(xml, f.name)}: {f.message}"
            facts.append(fact("critical", "error", [line], source + " (failure/error type and message)"))
    facts.append(
        fact(
            "high",
            "summary",
            [f"{scenarios - failed - errors - skipped} scenarios passed, {failed} failed, {errors} error"],
            source + " (testsuite counts, as behave words them)",
        )
    )
    facts.append(fact("low", "summary", [tool_version(f"{bin_}/behave --version")], "behave --version"))
    write_case(job, ECO, "behave", facts, [tool_version(f"{bin_}/behave --version"), tool_version("python3 --version")])


def _error_type(xml: Path, name: str) -> str:
    for case_el in ET.parse(xml).getroot().iter("testcase"):
        problem = case_el.find("error")
        if case_el.get("name") == name and problem is not None:
            return problem.get("type", "")
    return ""


def robot_case() -> None:
    case = "robot-framework-failures-github"
    job = FramedJob(case, system="github", env=ENV)
    src = prepare(
        job,
        ECO,
        "inventory",
        [
            ("lib/Stock.py", "self.items.get(sku, 0) + int(quantity)", "int(quantity)"),
            ("lib/Stock.py", "if q <= self.levels.get(sku, 0)", "if q < self.levels.get(sku, 0)"),
            ("lib/Stock.py", "only {have} in stock", "only {have} left"),
        ],
    )
    bin_ = venv(job, src, "robotframework==7.5")
    out = WORK / case / "robot"
    job.run(
        "Acceptance tests",
        f"{bin_}/robot --version || true; {bin_}/robot --consolecolors off --outputdir {out} tests",
        src,
        expect_fail=True,
    )
    job.run_after("Upload report", f"ls {out} && gzip -k {out}/log.html && echo 'report uploaded'", src)
    root = ET.parse(out / "output.xml").getroot()
    source = "robot's output.xml of the same run"
    facts = []
    for test in root.iter("test"):
        status = test.find("status")
        if status is not None and status.get("status") == "FAIL":
            facts.append(fact("critical", "failed_test", [test.get("name", "")], source + " (test@name)"))
            facts.append(fact("critical", "error", [(status.text or "").splitlines()[0]], source + " (status message)"))
    total = root.find("statistics/total/stat")
    assert total is not None
    passed, fail = int(total.get("pass", 0)), int(total.get("fail", 0))
    facts.append(
        fact(
            "high",
            "summary",
            [f"{passed + fail} tests, {passed} passed, {fail} failed"],
            source + " (statistics/total)",
        )
    )
    facts += job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version(f"{bin_}/robot --version")], "robot --version"))
    write_case(job, ECO, "robotframework", facts, [tool_version(f"{bin_}/robot --version")])


def ansible_case() -> None:
    case = "ansible-playbook-fatal-jenkins"
    job = FramedJob(case, system="jenkins", env=ENV)
    src = prepare(
        job,
        ECO,
        "deploy",
        [
            (
                "templates/app.json.j2",
                '"features": {{ feature_flags | to_json }}',
                '"features": {{ feature_flags | to_json }},',
            ),
        ],
    )
    root_dir = WORK / case / "app-root"
    env = {"APP_ROOT": str(root_dir)}
    bin_ = venv(job, src, "ansible-core==2.19.14")
    job.run(
        "Deploy",
        f"{bin_}/ansible-playbook --version && {bin_}/ansible-playbook site.yml",
        src,
        env=env,
        expect_fail=True,
    )
    job.skip("Smoke test")
    job.run_after("Collect logs", f"find {root_dir} -type f | sort", src)
    shutil.rmtree(root_dir)
    facts = ansible_facts(bin_, src, env, WORK / case / "ansible-junit")
    facts += job.verdict_facts()
    facts.append(
        fact("low", "summary", [tool_version(f"{bin_}/ansible-playbook --version")], "ansible-playbook --version")
    )
    write_case(job, ECO, "ansible", facts, [tool_version(f"{bin_}/ansible-playbook --version")])


def ansible_facts(bin_: str, src: Path, env: dict[str, str], junit: Path) -> list[dict]:
    """A second run with the junit and tree callbacks (the failed task, its result), then a third as the
    job ran it for ansible's own warnings."""
    capture(
        f"{bin_}/ansible-playbook site.yml 2>&1",
        src,
        {
            **ENV,
            **env,
            "JUNIT_OUTPUT_DIR": str(junit),
            "ANSIBLE_CALLBACK_TREE_DIR": str(junit / "tree"),
            "ANSIBLE_CALLBACKS_ENABLED": "ansible.builtin.junit,ansible.builtin.tree",
        },
    )
    source = "second ansible-playbook run, ansible.builtin.junit and tree callbacks"
    facts = []
    found, _total = failures(Path(glob.glob(f"{junit}/*.xml")[0]))
    playbook = (src / "site.yml").read_text().splitlines()
    for f in found:
        path, line = f.classname.rsplit(":", 1)
        task = playbook[int(line) - 1].strip().removeprefix("- name: ")
        result = json.loads((junit / "tree" / "localhost").read_text())  # the host's last (failed) result
        facts.append(
            fact(
                "critical", "failed_test", [f"TASK [{task}]"], source + " (testcase classname → the task's name: line)"
            )
        )
        facts.append(
            fact("critical", "error", ["fatal: [localhost]: FAILED!", result["stderr"]], source + " (result: stderr)")
        )
        facts.append(fact("high", "error", [f"[ERROR]: {f.message}"], source + " (error message)"))
        facts.append(fact("high", "location", [f"Origin: {path}:{line}:"], source + " (testcase classname)"))
        facts.append(
            fact("high", "summary", ["failed=1", "ignored=1"], source + " (one failed task; the ignored probe)")
        )
    shutil.rmtree(env["APP_ROOT"])
    printed = capture(f"{bin_}/ansible-playbook site.yml 2>&1", src, {**ENV, **env})
    for warning in sorted(set(re.findall(r"^\[WARNING\]: .*$", printed, re.M))):
        facts.append(fact("medium", "warning", [warning], "third run, as the job ran it: ansible's own warnings"))
    return facts


def tox_case() -> None:
    case = "py-tox-doctest-then-passing-env"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "slugkit",
        [
            ("src/slugkit/__init__.py", '_FOLD = {"ß": "ss", ', "_FOLD = {"),
            ("src/slugkit/__init__.py", '.strip("-")', '.rstrip("-")'),
        ],
    )
    bin_ = venv(job, src, "tox==4.67.15")
    result = WORK / case / "tox.json"
    job.run("Test", f"{bin_}/tox --version && {bin_}/tox --result-json {result}", src, expect_fail=True)
    doctest = _doctests(src)
    source = "second run: tools/doctest_failures.py (doctest's runner)"
    facts = []
    for r in doctest["failures"]:
        facts.append(
            fact(
                "critical",
                "failed_test",
                [f'File "{r["file"]}", line {r["line"]}, in {r["file"]}'],
                source + " (file, line)",
            )
        )
        facts.append(fact("critical", "error", [r["source"], r["want"], r["got"]], source + " (example, want, got)"))
    facts.append(fact("high", "summary", [f"***Test Failed*** {doctest['failed']} failures."], source + " (counts)"))
    envs = json.loads(result.read_text())["testenvs"]
    for name, data in envs.items():
        codes = (
            [r["retcode"] for r in data.get("result", {}).get("setup", []) + data.get("test", [])]
            if isinstance(data, dict)
            else []
        )
        if any(codes):
            facts.append(
                fact("high", "summary", [f"{name}: FAIL code {max(codes)}"], "tox --result-json (env retcodes)")
            )
    facts.append(fact("high", "summary", ["evaluation failed :("], "tox --result-json (some env failed)"))
    facts.append(
        fact("low", "summary", [tool_version(f"cd {src} && {bin_}/tox --version").split(" from ")[0]], "tox --version")
    )
    write_case(job, ECO, "tox (doctest, pytest)", facts, [tool_version(f"cd {src} && {bin_}/tox --version")])


def _doctests(src: Path) -> dict:
    python = src / ".tox/docs/bin/python"
    return json.loads(capture(f"{python} {TOOLS / 'doctest_failures.py'} README.md", src, ENV))


def pip_case() -> None:
    case = "pip-resolution-impossible"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "wheelhouse",
        [
            ("cli/pyproject.toml", "holdout-core>=1.0", "holdout-core>=2.0"),
        ],
    )
    job.run(
        "Build the local index",
        "for d in core-1 core-2 api cli; do python3 -m pip wheel --no-deps -q -w wheels ./$d; done && ls wheels",
        src,
        expect_fail=False,
    )
    target = WORK / case / "venv"
    job.run(
        "Install",
        f"python3 -m venv {target} && {target}/bin/python -m pip --version && "
        f"{target}/bin/python -m pip install --no-index --find-links wheels "
        "-r requirements.txt",
        src,
        expect_fail=True,
    )
    facts = conflict_facts(src)
    facts.append(fact("high", "summary", ["ERROR: ResolutionImpossible"], "pip's exit report"))
    pip_version = tool_version(f"{target}/bin/python -m pip --version")
    facts.append(fact("low", "summary", [pip_version.split(" from ")[0]], "pip --version"))
    write_case(job, ECO, "pip", facts, [pip_version])


def conflict_facts(src: Path) -> list[dict]:
    """What pip must say: each requested wheel's Requires-Dist, and the requirement lines that conflict."""
    requested = (src / "requirements.txt").read_text().split()
    facts, pins = [], []
    for wheel in sorted((src / "wheels").glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            meta = archive.read(next(n for n in archive.namelist() if n.endswith("METADATA"))).decode()
        name = re.search(r"^Name: (.+)$", meta, re.M).group(1)
        version = re.search(r"^Version: (.+)$", meta, re.M).group(1)
        if name in requested:
            pins.append(f"-r requirements.txt (line {requested.index(name) + 1})")
            for dep in re.findall(r"^Requires-Dist: (.+)$", meta, re.M):
                package, spec = re.match(r"([\w.-]+)(.*)", dep).groups()
                rendered = " and ".join(sorted(spec.split(",")))  # pip prints a SpecifierSet sorted
                facts.append(
                    fact(
                        "critical",
                        "error",
                        [f"{name} {version} depends on {package}{rendered}"],
                        "wheel METADATA Requires-Dist (pip joins the specifiers with 'and')",
                    )
                )
    facts.append(
        fact(
            "critical",
            "error",
            [
                f"ERROR: Cannot install {' and '.join(pins)} because these package versions "
                "have conflicting dependencies."
            ],
            "the conflicting requirements' lines in requirements.txt",
        )
    )
    return facts


def main() -> None:
    if run_only(globals()):
        return
    behave_case()
    robot_case()
    ansible_case()
    tox_case()
    pip_case()
