"""Gradle cases on projects/gradle/inventory (Debian's gradle 4.4.1, offline, JUnit 4 jars from
/usr/share/java): a javac failure in :lib:compileJava (facts from tools/JavacDiagnostics.java) and, framed
as a Jenkins pipeline, a :lib:test failure next to a passing test that logs an exception on purpose
(facts from Gradle's build/test-results JUnit XML)."""
from __future__ import annotations

import re
from pathlib import Path

from gen.common import (
    WORK,
    Job,
    copy_project,
    fact,
    junit_cases,
    mutate,
    run_only,
    tool_version,
    write_case,
)
from gen.jvm_cases import javac_facts

ECO = "gradle"
GRADLE = "gradle --offline --no-daemon --console=verbose"


def versions() -> list[str]:
    return [tool_version("gradle --version 2>/dev/null | sed -n 3p"), tool_version("javac -version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], frame: str = "") -> tuple[Job, Path]:
    origin = copy_project("gradle", "inventory", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, frame=frame, env={"GRADLE_USER_HOME": str(WORK / case / "gradle-home")})
    src = job.checkout(origin, WORK / case)
    job.run("Gradle", "gradle --version", src)
    return job, src


def compile_case() -> None:
    case = "gradle-compile-error"
    job, src = prepare(case, [
        ("lib/src/main/java/inventory/Stock.java", "        return onHand.getOrDefault(sku, 0) - reserved.getOrDefault(sku, 0);",
         "        return onHand.get(sku.code()) - reserved.getOrDefault(sku, 0L);"),
        ("lib/src/main/java/inventory/ReorderPolicy.java", "        return (missing + caseSize - 1) / caseSize * caseSize;",
         "        return Math.ceil((double) missing / caseSize) * caseSize;"),
    ])
    job.run("Build", f"{GRADLE} build", src, expect_fail=True)
    facts = javac_facts(src, src / "lib/src/main/java", WORK / case / "javac-out", "-Xlint:deprecation")
    facts.append(fact("high", "error", ["Execution failed for task ':lib:compileJava'."], "gradle: the failing task (javac errors above)"))
    facts.append(fact("high", "summary", ["> Task :lib:compileJava FAILED"], "gradle: the failing task"))
    facts.append(fact("high", "summary", ["BUILD FAILED"], "gradle exit status"))
    facts.append(fact("low", "summary", [tool_version("gradle --version 2>/dev/null | sed -n 3p")], "gradle --version"))
    write_case(job, ECO, "gradle javac", facts, versions())


def gradle_test_facts(results: Path) -> list[dict]:
    cases = junit_cases(*sorted(results.glob("TEST-*.xml")))
    facts = []
    failed = [c for c in cases if c.outcome in ("failure", "error")]
    for c in failed:
        facts.append(fact("critical", "failed_test", [f"{c.classname} > {c.name} FAILED"], "gradle test-results XML testcase"))
        facts.append(fact("critical", "error", [c.text.strip().splitlines()[0]], "gradle test-results XML failure text, first line"))
        simple = c.classname.rsplit(".", 1)[-1]
        frame = re.search(rf"\(({simple}\.java:\d+)\)", c.text)
        if frame:
            facts.append(fact("high", "location", [frame.group(1)], "gradle test-results XML stack: the test's own frame"))
    facts.append(fact("high", "summary", [f"{len(cases)} tests completed, {len(failed)} failed"], "gradle test-results XML counts"))
    return facts


def jenkins_case() -> None:
    case = "jenkins-gradle-test-failure"
    job, src = prepare(case, [
        ("lib/src/main/java/inventory/Stock.java", "        int granted = Math.min(units, available(sku));", "        int granted = units;"),
        ("lib/src/main/java/inventory/ReorderPolicy.java", "        return available < reorderPoint;", "        return available <= reorderPoint;"),
    ], frame="jenkins")
    job.run("Build", f"{GRADLE} assemble", src, expect_fail=False)
    job.run("Test", f"{GRADLE} test", src, expect_fail=True)
    job.skipped = ["Package", "Deploy"]
    job.run("Archive", "ls -l lib/build/test-results/test/", src, always=True, expect_fail=False)
    facts = gradle_test_facts(src / "lib/build/test-results/test")
    warnings = javac_facts(src, src / "app/src/main/java", WORK / case / "javac-out",
                           "-Xlint:deprecation -cp lib/build/classes/java/main")
    facts += [f for f in warnings if f["kind"] == "warning"]
    facts.append(fact("high", "summary", ["> Task :lib:test FAILED"], "gradle: the failing task"))
    facts.append(fact("high", "error", ["Execution failed for task ':lib:test'."], "gradle: the failing task"))
    facts.append(fact("high", "summary", ["ERROR: script returned exit code 1"], "Jenkins sh step verdict"))
    facts.append(fact("high", "summary", ["Finished: FAILURE"], "Jenkins build verdict"))
    facts.append(fact("low", "summary", [tool_version("gradle --version 2>/dev/null | sed -n 3p")], "gradle --version"))
    write_case(job, ECO, "gradle test (Jenkins pipeline)", facts, versions(), notes="framing: gen/ci_framing.py jenkins_pipeline()")


def main() -> None:
    if run_only(globals()):
        return
    compile_case()
    jenkins_case()
