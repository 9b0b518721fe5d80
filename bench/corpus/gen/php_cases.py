"""PHPUnit cases on projects/php/billing (Debian's phpunit, no Composer): plain, and framed as a full
GitHub Actions job log. Facts from phpunit --log-junit of the same run."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from gen.common import WORK, Job, copy_project, fact, junit_cases, mutate, run_only, tool_version, write_case

ECO = "php"


def versions() -> list[str]:
    return [tool_version("php --version"), tool_version("phpunit --version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], frame: str = "") -> tuple[Job, Path]:
    origin = copy_project("php", "billing", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, frame=frame)
    src = job.checkout(origin, WORK / case)
    job.run("Set up PHP", "php --version && phpunit --version", src)
    return job, src


def phpunit_facts(xml: Path) -> list[dict]:
    """Each failed or erroring testcase: `Class::name` as PHPUnit numbers it, the message line under it,
    and the test file's line; then the `There were N failures:` heading and the counts line."""
    cases = junit_cases(xml)
    facts = []
    for case in cases:
        if case.outcome not in ("failure", "error"):
            continue
        test_id = f"{case.classname}::{case.name}"
        facts.append(fact("critical", "failed_test", [test_id], "phpunit --log-junit testcase class::name"))
        lines = [line for line in case.text.splitlines() if line.strip()]
        message = lines[1] if len(lines) > 1 and lines[0].startswith(test_id) else lines[0]
        facts.append(fact("critical", "error", [message.strip()], f"phpunit --log-junit {case.outcome} text"))
        where = re.search(r"(tests/\w+\.php:\d+)", case.text)
        if where:
            facts.append(fact("high", "location", [where.group(1)], f"phpunit --log-junit {case.outcome} text: test frame"))
    failures = sum(c.outcome == "failure" for c in cases)
    errors = sum(c.outcome == "error" for c in cases)
    for count, word in ((errors, "error"), (failures, "failure")):
        if count:
            facts.append(fact("high", "summary", [f"There {'was' if count == 1 else 'were'} {count} {word}{'' if count == 1 else 's'}:"],
                              f"phpunit --log-junit {word} count"))
    top = ET.parse(xml).getroot().find("testsuite")
    assert top is not None
    counts = f"Tests: {top.get('tests')}, Assertions: {top.get('assertions')}"
    counts += f", Errors: {errors}" if errors else ""
    counts += f", Failures: {failures}" if failures else ""
    facts.append(fact("high", "summary", [counts + "."], "phpunit --log-junit top testsuite tests/assertions + counts"))
    facts.append(fact("low", "summary", [tool_version("phpunit --version")], "phpunit --version"))
    return facts


def plain_case() -> None:
    case = "php-phpunit-failures"
    job, src = prepare(case, [
        ("src/Money.php", "str_pad($m[3] ?? '0', 2, '0')", "str_pad($m[3] ?? '0', 2, '0', STR_PAD_LEFT)"),
        ("src/CsvExporter.php", "$invoice->net()->format(), $invoice->tax()->format()", "$invoice->net(), $invoice->tax()->format()"),
    ])
    junit = WORK / case / "junit.xml"
    job.run("Test", f"phpunit --log-junit {junit}", src, expect_fail=True)
    write_case(job, ECO, "phpunit", phpunit_facts(junit), versions())


def github_case() -> None:
    case = "gha-phpunit-10-failures-then-always-step"
    job, src = prepare(case, [
        ("src/TaxCalculator.php", "return self::RATES[$code];", "return self::RATES[$code] - ($code < 'M' ? 1 : 0);"),
    ], frame="github")
    job.run("Lint", "find src tests -name '*.php' | sort | xargs -n1 php -l", src, expect_fail=False)
    junit = WORK / case / "junit.xml"
    job.run("Test", f"phpunit --log-junit {junit}", src, expect_fail=True)
    job.run("Collect diagnostics", "php -i", src, always=True, expect_fail=False)
    facts = phpunit_facts(junit)
    facts.append(fact("high", "summary", ["##[error]Process completed with exit code 1."], "GitHub Actions verdict of the failing step"))
    write_case(job, ECO, "phpunit (GitHub Actions)", facts, versions(), notes="framing: gen/ci_framing.py github()")


def main() -> None:
    if run_only(globals()):
        return
    plain_case()
    github_case()
