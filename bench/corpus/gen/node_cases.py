"""JavaScript test runners other than jest on projects/node/textkit: mocha (facts from a second run with
--reporter json), jasmine (tools/jasmine_json_reporter.js), karma in Debian's headless Chromium (facts
from karma-junit-reporter of the same run) and tape (TAP read by tap-parser, tools/tap_parser_json.js);
then the same tools framed by Azure Pipelines and CircleCI."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from gen.common import (
    TOOLS,
    WORK,
    Job,
    capture,
    copy_project,
    fact,
    junit_cases,
    mutate,
    run_only,
    tool_version,
    write_case,
)

ECO = "node"
ENV = {"CHROME_BIN": "/usr/bin/chromium"}
TRUNCATE = ("src/textkit.js", "text.slice(0, Math.max(0, max - ellipsis.length))", "text.slice(0, max)")
QUERY = ("src/textkit.js", "if (k in out) out[k] = [].concat(out[k], v);", "if (k in out) out[k] = [out[k], v];")
TEMPLATE = ("src/textkit.js", 'throw new TemplateError(`missing variable "${name}"`, name);',
            "throw new TemplateError(`missing variable ${name}`, name);")
WRAP = ("src/textkit.js", "    if (line) lines.push(line);", "    lines.push(line);")
DURATION = ("src/textkit.js", "(s || (!h && !m)) && `${s}s`", "`${s}s`")


def versions() -> list[str]:
    return [f"node {tool_version('node --version')}", tool_version("chromium --version 2>/dev/null")]


def prepare(case: str, mutations: list[tuple[str, str, str]], frame: str = "") -> tuple[Job, Path]:
    origin = copy_project("node", "textkit", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, env=ENV, frame=frame)
    src = job.checkout(origin, WORK / case)
    job.run("Set up Node", "node --version && npm --version", src)
    job.run("Install", "npm ci --no-audit --no-fund", src, expect_fail=False)
    return job, src


def frame_of(stack: str, src: Path) -> str:
    """The first frame of the project's own code (absolute, or relative as mocha prints it)."""
    for path, line, column in re.findall(r"(?:\(|at )([^\s()]+?):(\d+):(\d+)\)?", stack or ""):
        if "node_modules" in path or path.startswith("node:") or (path.startswith("/") and not path.startswith(str(src))):
            continue
        return f"{os.path.relpath(path, src) if path.startswith('/') else path}:{line}:{column}"
    return ""


def mocha_facts(src: Path, env: dict[str, str] | None = None) -> list[dict]:
    """mocha --reporter json: each failure as the spec reporter numbers it (`N) <suite>` then
    `<title>:`), its message's first line (and a `!==` line), its test frame, the counts."""
    data = json.loads(capture("npx mocha --reporter json", src, {**ENV, **(env or {})}))
    facts = []
    for index, failure in enumerate(data["failures"], start=1):
        suite = failure["fullTitle"][: -len(failure["title"])].strip()
        facts.append(fact("critical", "failed_test", [f"{index}) {suite}", f"{failure['title']}:"],
                          "mocha --reporter json failures[]: fullTitle minus title, title"))
        message = failure["err"]["message"].splitlines()
        detail = [message[0]] + [line for line in message[1:] if " !== " in line][:1]
        facts.append(fact("critical", "error", detail, "mocha --reporter json failures[].err.message"))
        where = frame_of(failure["err"].get("stack", ""), src)
        if where:
            facts.append(fact("high", "location", [where], "mocha --reporter json err.stack, first project frame"))
    stats = data["stats"]
    facts.append(fact("high", "summary", [f"{stats['passes']} passing"], "mocha --reporter json stats.passes"))
    facts.append(fact("high", "summary", [f"{stats['failures']} failing"], "mocha --reporter json stats.failures"))
    facts.append(fact("low", "summary", [tool_version(f"cd {src} && npx mocha --version")], "mocha --version"))
    return facts


def mocha_case() -> None:
    case = "node-mocha-error-named-tests"
    job, src = prepare(case, [TRUNCATE, QUERY])
    job.run("Test", "npx mocha --version && npx mocha", src, expect_fail=True)
    write_case(job, ECO, "mocha", mocha_facts(src), versions())


def jasmine_facts(report: Path, src: Path) -> list[dict]:
    data = json.loads(report.read_text())
    facts = []
    failed = [s for s in data["specs"] if s["status"] == "failed"]
    for spec in failed:
        facts.append(fact("critical", "failed_test", [spec["fullName"]], "jasmine JSON reporter specDone fullName"))
        first = spec["failedExpectations"][0]
        facts.append(fact("critical", "error", first["message"].splitlines(), "jasmine JSON reporter failedExpectations[0].message (per line)"))
        where = frame_of(first["stack"], src)
        if where:
            facts.append(fact("high", "location", [where], "jasmine JSON reporter stack, first project frame"))
    facts.append(fact("high", "summary", [f"{len(data['specs'])} specs, {len(failed)} failure{'s' if len(failed) != 1 else ''}"],
                      "jasmine JSON reporter spec counts"))
    return facts


def jasmine_case() -> None:
    case = "node-jasmine"
    job, src = prepare(case, [TEMPLATE, WRAP])
    job.run("Test", "npx jasmine version && npx jasmine", src, expect_fail=True)
    report = WORK / case / "jasmine.json"
    capture(f"npx jasmine --reporter={TOOLS / 'jasmine_json_reporter.js'}", src, {"JASMINE_JSON": str(report)})
    facts = jasmine_facts(report, src)
    facts.append(fact("low", "summary", [tool_version(f"cd {src} && npx jasmine version | sed -n 1p")], "jasmine version"))
    write_case(job, ECO, "jasmine", facts, versions())


def karma_facts(reports: Path) -> list[dict]:
    """karma-junit-reporter: per failed spec the progress reporter's `<browser> <suite> <spec> FAILED`
    line and its message; then the `Executed N of M (K FAILED)` count."""
    facts = []
    cases = []
    for xml in sorted(reports.rglob("*.xml")):
        cases += junit_cases(xml)
    failed = [c for c in cases if c.outcome in ("failure", "error")]
    for c in failed:
        suite = c.classname.split(".", 1)[1] if "." in c.classname else ""
        facts.append(fact("critical", "failed_test", [f"{c.suite} {suite} {c.name.removeprefix(suite).strip()} FAILED"],
                          "karma-junit-reporter testsuite name (browser) + testcase classname/name"))
        facts.append(fact("critical", "error", [c.text.strip().splitlines()[0]], "karma-junit-reporter failure text, first line"))
        where = re.search(r"\((spec/[\w./-]+:\d+:\d+)\)", c.text)
        if where:
            facts.append(fact("high", "location", [where.group(1)], "karma-junit-reporter failure stack, spec frame"))
    facts.append(fact("high", "summary", [f"Executed {len(cases)} of {len(cases)} ({len(failed)} FAILED)"],
                      "karma-junit-reporter testcase counts"))
    return facts


def karma_case(case: str, mutations: list[tuple[str, str, str]], frame: str = "") -> tuple[Job, Path, list[dict]]:
    job, src = prepare(case, mutations, frame=frame)
    reports = WORK / case / "karma-junit"
    job.run("Browser tests", "npx karma --version && npx karma start karma.conf.js --single-run", src, env={"KARMA_JUNIT_DIR": str(reports)},
            expect_fail=True)
    facts = karma_facts(reports)
    facts.append(fact("low", "summary", [tool_version(f"cd {src} && npx karma --version")], "karma --version"))
    return job, src, facts


def karma_plain_case() -> None:
    job, _, facts = karma_case("node-karma-chrome-headless", [TRUNCATE, WRAP])
    write_case(job, ECO, "karma", facts, versions())


def tape_case() -> None:
    case = "tap-tape"
    job, src = prepare(case, [TRUNCATE, DURATION])
    job.run("Test", "npx tape tape/*.js", src, expect_fail=True)
    tap = capture("npx tape tape/*.js", src)
    proc = subprocess.run(["node", str(TOOLS / "tap_parser_json.js")], input=tap, capture_output=True, text=True,
                          cwd=src, check=True)
    points = [json.loads(line) for line in proc.stdout.splitlines()]
    facts = []
    for point in points:
        if point["ok"] or point["directive"]:
            continue
        facts.append(fact("critical", "failed_test", [f"not ok {point['number']} {point['description']}"], "tap-parser assert, ok=false"))
        diag = point["diag"] or {}
        if "expected" in diag:
            facts.append(fact("critical", "error", ["expected: ", str(diag["expected"]), "actual: ", str(diag["actual"])],
                              "tap-parser assert diag expected/actual"))
        where = frame_of(diag.get("at", ""), src)
        if where:
            facts.append(fact("high", "location", [where], "tap-parser assert diag.at"))
    failed = sum(not p["ok"] for p in points)
    facts.append(fact("high", "summary", [f"# fail  {failed}"], "tap-parser count of failed points"))
    facts.append(fact("low", "summary", [tool_version("node --version")], "node --version"))
    write_case(job, "tap", "tape", facts, versions())


def azure_case() -> None:
    case = "azure-mocha-900-passing-logissue"
    job, src = prepare(case, [TEMPLATE, QUERY], frame="azure")
    bulk = {"TEXTKIT_BULK": "300"}
    job.run("Test", "npx mocha --version && npx mocha || { echo \"##vso[task.logissue type=error]mocha: failing tests, see the log above\"; exit 1; }",
            src, env=bulk, expect_fail=True)
    job.run("Publish test results", "npx mocha --reporter xunit --reporter-option output=reports/mocha.xml || true; ls -l reports",
            src, env=bulk, always=True, expect_fail=False)
    facts = mocha_facts(src, bulk)
    facts.append(fact("critical", "error", ["##[error]mocha: failing tests, see the log above"], "the script's task.logissue, as the agent shows it"))
    facts.append(fact("high", "summary", ["##[error]Bash exited with code '1'."], "Azure Pipelines verdict of the failing step"))
    write_case(job, ECO, "mocha (Azure Pipelines)", facts, versions(), notes="framing: gen/ci_framing.py azure()")


def circleci_case() -> None:
    case = "circleci-karma-chrome-headless"
    job, src, facts = karma_case(case, [QUERY, TEMPLATE], frame="circleci")
    job.run("Store test results", f"find {WORK / case / 'karma-junit'} -name '*.xml' -exec ls -l {{}} +", src, always=True,
            expect_fail=False)
    facts.append(fact("high", "summary", ["Exited with code exit status 1"], "CircleCI verdict of the failing step"))
    write_case(job, ECO, "karma (CircleCI)", facts, versions(), notes="framing: gen/ci_framing.py circleci()")


def main() -> None:
    if run_only(globals()):
        return
    mocha_case()
    jasmine_case()
    karma_plain_case()
    tape_case()
    azure_case()
    circleci_case()
