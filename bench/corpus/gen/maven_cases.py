"""Maven cases on projects/maven/ledger, offline against Debian's /usr/share/maven-repo: javac errors
printed through maven-compiler-plugin (facts from tools/JavacDiagnostics.java) and, framed as a Jenkins
freestyle job, a Surefire run of 150 passing table classes and one failing class (facts from
target/surefire-reports)."""
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
from gen.jvm_cases import javac_diagnostics

ECO = "maven"
MVN = "mvn -B -o -Dmaven.repo.local=/usr/share/maven-repo"


def versions() -> list[str]:
    return [tool_version("mvn --version 2>/dev/null | sed -n 1p | sed 's/\\x1b\\[[0-9;]*m//g'"), tool_version("javac -version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], frame: str = "") -> tuple[Job, Path]:
    origin = copy_project("maven", "ledger", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, frame=frame)
    src = job.checkout(origin, WORK / case)
    job.run("Maven", "mvn --version", src)
    return job, src


def compile_case() -> None:
    case = "maven-compile-error"
    job, src = prepare(case, [
        ("src/main/java/com/acme/ledger/Percent.java",
         "        return exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact();",
         "        return exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact() + (basisPoints > 10_000 ? Math.signum(cents) * 0.5 : 0);"),
        ("src/main/java/com/acme/ledger/Journal.java", "        lines.add(account + \" \" + cents);", "        lines.add(account, cents);"),
    ])
    job.run("Build", f"{MVN} test", src, expect_fail=True)
    facts = []
    for kind, source, number, column, code, message in javac_diagnostics(src, src / "src/main/java", WORK / case / "javac-out",
                                                                          "-Xlint:deprecation"):
        if kind == "ERROR":
            facts.append(fact("critical", "error", [f"{source}:[{number},{column}] {message}"],
                              f"javac compiler API diagnostic {code}, as maven-compiler-plugin prints it ([line,column])"))
    facts.append(fact("high", "summary", ["COMPILATION ERROR"], "maven-compiler-plugin failure heading"))
    facts.append(fact("high", "error", ["Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.10.1:compile"
                                        " (default-compile) on project ledger: Compilation failure"], "maven-compiler-plugin: the failed goal"))
    facts.append(fact("high", "summary", ["BUILD FAILURE"], "mvn exit status"))
    facts.append(fact("low", "summary", ["Apache Maven 3.8.7"], "mvn --version"))
    write_case(job, ECO, "maven javac", facts, versions())


def surefire_facts(reports: Path) -> list[dict]:
    cases = junit_cases(*sorted(reports.glob("TEST-*.xml")))
    facts = []
    failures = [c for c in cases if c.outcome == "failure"]
    errors = [c for c in cases if c.outcome == "error"]
    for c in failures + errors:
        facts.append(fact("critical", "failed_test", [f"{c.name}({c.classname})"], "surefire-reports testcase name(classname)"))
        facts.append(fact("critical", "error", [c.text.strip().splitlines()[0]], "surefire-reports failure text, first line"))
        simple = c.classname.rsplit(".", 1)[-1]
        frame = re.search(rf"\(({simple}\.java:\d+)\)", c.text)
        if frame:
            facts.append(fact("high", "location", [frame.group(1)], "surefire-reports stack: the test's own frame"))
    skipped = sum(c.outcome == "skipped" for c in cases)
    facts.append(fact("high", "summary", [f"Tests run: {len(cases)}, Failures: {len(failures)}, Errors: {len(errors)}, Skipped: {skipped}"
                                         ], "surefire-reports counts"))
    facts.append(fact("high", "error", ["There are test failures."], "maven-surefire-plugin failed goal"))
    return facts


def jenkins_freestyle_case() -> None:
    case = "jenkins-freestyle-maven-surefire-150-classes"
    job, src = prepare(case, [
        ("src/main/java/com/acme/ledger/DateRules.java", "return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;",
         "return year % 4 == 0;"),
    ], frame="jenkins-freestyle")
    job.run("Maven test", f"{MVN} test", src, expect_fail=True)
    facts = surefire_facts(src / "target/surefire-reports")
    facts.append(fact("high", "summary", ["Build step 'Invoke top-level Maven targets' marked build as failure"], "Jenkins freestyle verdict"))
    facts.append(fact("high", "summary", ["Finished: FAILURE"], "Jenkins build verdict"))
    facts.append(fact("low", "summary", ["Apache Maven 3.8.7"], "mvn --version"))
    write_case(job, ECO, "maven surefire (Jenkins freestyle)", facts, versions(), notes="framing: gen/ci_framing.py jenkins_freestyle()")


def main() -> None:
    if run_only(globals()):
        return
    compile_case()
    jenkins_freestyle_case()
