"""JVM cases on projects/jvm/orders: javac + the JUnit 5 console launcher (facts from its --reports-dir
XML) and javac diagnostics (facts from tools/JavacDiagnostics.java, the JDK compiler API)."""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from gen.common import TOOLS, WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "jvm"
SIMPLE_NAME = re.compile(r"\b(?:[a-z]\w*\.)+(?:[A-Z]\w*\.)*([A-Z]\w*)")
JUNIT = "/usr/share/java/junit-platform-console-standalone.jar"


def versions() -> list[str]:
    launcher = os.path.basename(os.path.realpath(JUNIT))
    return [tool_version("javac -version"), tool_version("java -version 2>&1"), launcher]


def prepare(case: str, mutations: list[tuple[str, str, str]], runner: bool = False) -> tuple[Job, Path]:
    origin = copy_project("jvm", "orders", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, runner=runner)
    src = job.checkout(origin, WORK / case)
    job.run("Set up JDK", "java -version && javac -version", src)
    return job, src


def junit_facts(reports: Path) -> list[dict]:
    facts = []
    failed = 0
    for xml in sorted(reports.glob("TEST-*.xml")):
        for case in ET.parse(xml).getroot().iter("testcase"):
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is None:
                continue
            failed += 1
            simple = (case.get("classname") or "").rsplit(".", 1)[-1]
            out = case.findtext("system-out") or ""
            display = re.search(r"^display-name: (.*)$", out, re.M)
            name = display.group(1).strip() if display else case.get("name")
            facts.append(fact("critical", "failed_test", [f"JUnit Jupiter:{simple}:{name}"],
                              "junit console --reports-dir testcase classname + system-out display-name"))
            text = problem.text or ""
            head = text.splitlines()[0].strip() if text.strip() else f"{problem.get('type')}: {problem.get('message')}"
            facts.append(fact("critical", "error", [head], "junit console --reports-dir failure text, first line"))
            frame = re.search(rf"\(({simple}\.java:\d+)\)", text)
            if frame:
                facts.append(fact("high", "location", [frame.group(1)], "junit XML stack: the test's own frame"))
            causes = re.findall(r"^Caused by: (.+)$", text, re.M)
            for index, cause in enumerate(causes):
                deepest = index == len(causes) - 1
                facts.append(fact("critical" if deepest else "high", "error", [f"Caused by: {cause.strip()}"],
                                  "junit XML stack: " + ("root cause" if deepest else "cause chain")))
    facts.append(fact("high", "summary", [f"{failed} tests failed"], "junit XML failure count"))
    return facts


def test_case(case: str, mutations: list[tuple[str, str, str]], runner: bool = False) -> None:
    job, src = prepare(case, mutations, runner)
    reports = WORK / case / "reports"
    job.run("Test", "./build.sh", src, env={"REPORTS_DIR": str(reports)}, expect_fail=True)
    facts = junit_facts(reports)
    facts.append(fact("low", "summary", [tool_version("javac -version")], "javac -version"))
    write_case(job, ECO, "junit5 console launcher", facts, versions())


def javac_diagnostics(src: Path, sources: Path, out: Path, options: str) -> list[list[str]]:
    """javac's diagnostics of every .java under `sources` from the JDK compiler API (tools/JavacDiagnostics.java):
    [kind, source relative to src, line, column, code, message] each."""
    files = " ".join(sorted(str(p.relative_to(src)) for p in sources.rglob("*.java")))
    raw = capture(f"java {TOOLS}/JavacDiagnostics.java {options} -d {out} -- {files}", src)
    return [line.split("\t", 5) for line in raw.splitlines()]


def javac_facts(src: Path, sources: Path, out: Path, options: str) -> list[dict]:
    """Errors (critical) and warnings (medium) as javac's command line prints them, and the error count."""
    facts = []
    errors = 0
    for kind, source, number, _column, code, message in javac_diagnostics(src, sources, out, options):
        # the command line's rich formatter prints simple class names where the API gives qualified ones
        message = SIMPLE_NAME.sub(r"\1", message)
        if kind == "ERROR":
            errors += 1
            facts.append(fact("critical", "error", [f"{source}:{number}: error: {message}"], f"javac compiler API diagnostic {code}"))
        elif kind in ("WARNING", "MANDATORY_WARNING"):
            facts.append(fact("medium", "warning", [f"{source}:{number}: warning:", message], f"javac compiler API diagnostic {code}"))
    facts.append(fact("high", "summary", [f"{errors} error{'s' if errors != 1 else ''}"], "javac compiler API error count"))
    return facts


def javac_case() -> None:
    case = "java-javac-errors-runner-timestamps"
    job, src = prepare(case, [
        ("src/main/java/shop/Order.java", "            count += line.quantity();", "            count += line.sku();"),
        ("src/main/java/shop/OrderCodec.java", "        return out.toString();", "        return out;"),
        ("src/main/java/shop/OrderStore.java", "    public Order get(String id) {", "    public Order get(String id) throws java.io.IOException {"),
        ("src/main/java/shop/OrderService.java", "            long total = order.totalCents();", "            long total = order.totalCents;"),
    ], runner=True)
    job.run("Build and test", "./build.sh", src, expect_fail=True)
    facts = javac_facts(src, src / "src/main/java", WORK / case / "javac-out", "-Xlint:all")
    facts.append(fact("low", "summary", [tool_version("javac -version")], "javac -version"))
    write_case(job, ECO, "javac", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    test_case("java-junit-assertions", [
        ("src/main/java/shop/Order.java", "            return quantity * unitCents;", "            return quantity * (int) unitCents;"),
        ("src/main/java/shop/OrderCodec.java", "                out.append(',');", "                out.append(';');"),
        ("src/main/java/shop/OrderService.java", "        if (order.totalCents() >= 5000) {", "        if (order.totalCents() > 2999) {"),
    ])
    test_case("java-cause-chain", [
        ("src/main/java/shop/OrderService.java", "        } catch (RepositoryException e) {", "        } catch (IllegalStateException e) {"),
    ])
    javac_case()
