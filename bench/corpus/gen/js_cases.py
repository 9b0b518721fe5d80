"""JavaScript/TypeScript cases on projects/js/shopcart: jest (--json), node:test (junit reporter),
tsc (--pretty false, parsed line by line), eslint (-f json)."""
from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from gen.common import ANSI, WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "javascript"


def versions() -> list[str]:
    return [f"node {tool_version('node --version')}", f"npm {tool_version('npm --version 2>/dev/null')}"]


def prepare(case: str, mutations: list[tuple[str, str, str]], runner: bool = False) -> tuple[Job, Path]:
    origin = copy_project("js", "shopcart", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, runner=runner)
    src = job.checkout(origin, WORK / case)
    job.run("Set up Node", "node --version && npm --version", src)
    job.run("Install", "npm ci", src, expect_fail=False)
    return job, src


def location(stack: str, root: Path) -> str:
    """The innermost frame of the project's own code in a JS stack, relative to the project root."""
    for path, line, column in re.findall(r"\(?(/[^\s():]+):(\d+):(\d+)\)?", stack):
        if path.startswith(str(root)) and "node_modules" not in path:
            return f"{os.path.relpath(path, root)}:{line}:{column}"
    return ""


def jest_case(case: str, mutations: list[tuple[str, str, str]], color: bool = False, runner: bool = False) -> None:
    job, src = prepare(case, mutations, runner=runner)
    report = WORK / case / "jest.json"
    job.run("Jest version", "npx jest --version", src)
    colour = " --colors" if color else ""
    job.run("Test", f"npx jest{colour} --json --outputFile={report}", src, expect_fail=True)
    data = json.loads(report.read_text())
    facts = []
    for suite in data["testResults"]:
        for test in suite["assertionResults"]:
            if test["status"] != "failed":
                continue
            name = " › ".join([*test["ancestorTitles"], test["title"]])
            facts.append(fact("critical", "failed_test", [name], "jest --json assertionResults ancestorTitles+title"))
            message = ANSI.sub("", test["failureMessages"][0])
            lines = [line.strip() for line in message.splitlines() if line.strip()]
            first = lines[0].removeprefix("Error: ")
            detail = [line for line in lines[1:6] if line.startswith(("Expected", "Received"))]
            facts.append(fact("critical", "error", [first, *detail], "jest --json failureMessages[0]"))
            where = location(message, src)
            if where:
                facts.append(fact("high", "location", [where], "jest --json failureMessages stack, innermost project frame"))
        if suite["status"] == "failed":
            facts.append(fact("high", "failed_test", ["FAIL", os.path.relpath(suite["name"], src)], "jest --json testResults name"))
    facts.append(fact("high", "summary", [f"{data['numFailedTests']} failed, {data['numPassedTests']} passed, "
                                          f"{data['numTotalTests']} total"], "jest --json counts"))
    facts.append(fact("low", "summary", [tool_version(f"cd {src} && npx jest --version 2>/dev/null")], "jest --version"))
    write_case(job, ECO, "jest", facts, [*versions(), f"jest {tool_version(f'cd {src} && npx jest --version 2>/dev/null')}"])


def node_test_case() -> None:
    case = "js-node-test-runner-timestamps"
    job, src = prepare(case, [
        ("src/pricing.js", "const TAX_RATES = { standard: 0.2, reduced: 0.05, zero: 0 };",
         "const TAX_RATES = { standard: 0.2, reduced: 0.05 };"),
        ("src/cart.js", ".map((line) => ({ sku: line.sku, quantity: line.quantity }));", ".map((line) => line);"),
    ], runner=True)
    xml = WORK / case / "node-test.xml"
    job.run("Test", f"node --test --test-reporter=spec --test-reporter-destination=stdout "
            f"--test-reporter=junit --test-reporter-destination={xml} test-node/", src, expect_fail=True)
    root = ET.parse(xml).getroot()
    facts = []
    for testcase in root.iter("testcase"):
        failure = testcase.find("failure")
        if failure is None:
            continue
        facts.append(fact("critical", "failed_test", [testcase.get("name", "")], "node --test junit testcase@name"))
        text = failure.text or ""
        message = failure.get("message") or ""
        first = next((line.strip() for line in text.splitlines() if line.strip()), message)
        first = first.split("]: ", 1)[-1]
        facts.append(fact("critical", "error", [first], "node --test junit failure text, first line"))
        where = location(text, src)
        if where:
            facts.append(fact("high", "location", [where], "node --test junit failure stack, innermost project frame"))
    comments = {m.group(1): m.group(2) for m in re.finditer(r"<!-- (\w+) (\d+) -->", xml.read_text())}
    facts.append(fact("high", "summary", [f"ℹ fail {comments['fail']}"], "node --test junit trailing counts"))
    facts.append(fact("low", "summary", [tool_version("node --version")], "node --version"))
    write_case(job, ECO, "node:test", facts, versions())


def tsc_case() -> None:
    case = "ts-tsc-type-errors"
    job, src = prepare(case, [
        ("ts/catalog.ts", "    if (product === undefined) continue;\n", ""),
        ("ts/catalog.ts", "  return [Math.min(...prices), Math.max(...prices)];", "  return [Math.min(...prices), String(Math.max(...prices))];"),
        ("ts/inventory.ts", "  return { ...level, onHand: level.onHand + amount };", "  return { ...level, onHand: level.onHand + amount, updated: true };"),
        ("ts/catalog.ts", "export function tagged(entries: CatalogEntry[], tag: string): string[] {\n",
         "export function tagged(entries: CatalogEntry[], tag: string): string[] {\n  const wanted = tag.toLowerCase();\n"),
    ])
    job.run("Typecheck", "npx tsc --version && npx tsc -p . --pretty false", src, expect_fail=True)
    output = "\n".join(line for _, line in job.steps[-1].lines)
    facts = []
    for m in re.finditer(r"^(\S+)\((\d+),(\d+)\): error (TS\d+): (.*)$", output, re.M):
        file, line, col, code, message = m.groups()
        facts.append(fact("critical", "error", [f"{file}({line},{col})", f"error {code}: {message}"], "tsc --pretty false line"))
    version = tool_version(f"cd {src} && npx tsc --version 2>/dev/null")
    facts.append(fact("low", "summary", [version], "tsc --version"))
    write_case(job, ECO, "tsc", facts, [*versions(), version])


def eslint_case() -> None:
    case = "js-eslint"
    job, src = prepare(case, [
        ("src/pricing.js", "  const match = /^SAVE(\\d{1,2})$/.exec(code || '');", "  var match = /^SAVE(\\d{1,2})$/.exec(code || '');"),
        ("src/cart.js", "    if (!this.lines.delete(sku)) {", "    if (this.lines.delete(sku) == false) {"),
        ("src/cart.js", "    let count = 0;\n", "    let count = 0;\n    let unused = 0;\n"),
        ("src/money.js", "  const sign = value < 0 ? -1 : 1;", "  let sign = value < 0 ? -1 : 1;"),
        ("src/money.js", "  const symbol = symbols[currency];", "  const symbol = symbols[currency];\n  if (symbol === NaN) return '';"),
    ])
    job.run("Lint", "npx eslint --version && npx eslint src", src, expect_fail=True)
    data = json.loads(capture("npx eslint -f json src", src))
    facts = []
    errors = warnings = 0
    for file in data:
        for msg in file["messages"]:
            severe = msg["severity"] == 2
            errors += severe
            warnings += not severe
            facts.append(fact("critical" if severe else "medium", "error" if severe else "warning",
                              [msg["message"].rstrip("."), msg["ruleId"] or ""],
                              "eslint -f json message (stylish drops the final full stop) + ruleId"))
            facts.append(fact("high" if severe else "low", "location",
                              [file["filePath"], f"{msg['line']}:{msg['column']}"], "eslint -f json filePath+line:column"))
    problems = errors + warnings
    facts.append(fact("high", "summary", [f"✖ {problems} problems ({errors} errors, {warnings} warning"], "eslint -f json counts"))
    version = tool_version(f"cd {src} && npx eslint --version 2>/dev/null")
    facts.append(fact("low", "summary", [version], "eslint --version"))
    write_case(job, ECO, "eslint", facts, [*versions(), f"eslint {version}"])


def main() -> None:
    if run_only(globals()):
        return
    jest_case("js-jest-basic", [
        ("src/pricing.js", r"/^SAVE(\d{1,2})$/", r"/^SAVE(\d{1})$/"),
        ("src/cart.js", "    line.quantity += quantity;", "    line.quantity = quantity;"),
        ("src/cart.js", ".sort((a, b) => a.sku.localeCompare(b.sku))", ".sort((a, b) => a.sku.localCompare(b.sku))"),
    ])
    jest_case("js-jest-color", [
        ("src/money.js", "Math.round(Math.abs(value) * 100)", "Math.round(value * 100)"),
        ("src/money.js", "throw new RangeError(`unknown currency: ${currency}`);", "throw new RangeError(`unsupported currency ${currency}`);"),
        ("src/pricing.js", "  if (quantity >= 10) return 0.05;", "  if (quantity > 10) return 0.05;"),
    ], color=True)
    node_test_case()
    tsc_case()
    eslint_case()
