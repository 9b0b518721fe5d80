"""Go cases on projects/go/kvconf: go test (facts from a second run with -json) and go vet (-json)."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from gen.common import WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "go"
ENV = {"GOFLAGS": "-count=1", "GOTOOLCHAIN": "local"}


def versions() -> list[str]:
    return [tool_version("go version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], runner: bool = False) -> tuple[Job, Path]:
    origin = copy_project("go", "kvconf", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, runner=runner, env=ENV)
    src = job.checkout(origin, WORK / case)
    job.run("Set up Go", "go version && go env GOOS GOARCH", src)
    job.run("Build", "go build -v ./...", src, expect_fail=False)
    return job, src


def json_facts(src: Path, args: str, env: dict[str, str]) -> list[dict]:
    """Facts from `go test -json`: fail events, their test's output lines (t.Errorf messages with their
    file:line, panics with the innermost project frame), and the package FAIL lines."""
    out = capture(f"go test -json {args}", src, {**ENV, **env})
    outputs: dict[tuple[str, str], list[str]] = {}
    failed_tests: list[tuple[str, str]] = []
    failed_packages: list[str] = []
    for line in out.splitlines():
        if not line.startswith("{"):
            continue
        e = json.loads(line)
        key = (e.get("Package", ""), e.get("Test", ""))
        if e["Action"] == "output":
            outputs.setdefault(key, []).append(e["Output"].rstrip("\n"))
        elif e["Action"] == "fail":
            (failed_tests if e.get("Test") else failed_packages).append(key if e.get("Test") else e["Package"])
    facts = []
    leaf = [t for t in failed_tests if not any(o[0] == t[0] and o[1].startswith(t[1] + "/") for o in failed_tests)]
    for package, test in failed_tests:
        facts.append(fact("critical" if (package, test) in leaf else "high", "failed_test",
                          [f"--- FAIL: {test} "], "go test -json Action=fail Test"))
        for text in outputs.get((package, test), []):
            m = re.match(r"^\s+(\w+\.go):(\d+): (.+)$", text)
            if m:
                facts.append(fact("critical", "error", [m.group(3)], "go test -json Output: t.Error message"))
                facts.append(fact("high", "location", [f"{m.group(1)}:{m.group(2)}"], "go test -json Output: t.Error file:line"))
    for package in failed_packages:
        lines = [text for (p, _), texts in outputs.items() if p == package for text in texts]
        panics = [text for text in lines if text.startswith("panic: ")]
        if panics:
            facts.append(fact("critical", "error", [panics[0].removesuffix(" [recovered]")], "go test -json Output: panic line"))
            frames = [text.strip() for text in lines if text.startswith("\t") and str(src) in text and "_test.go" not in text]
            if frames:
                where = frames[0].split(" +0x")[0]
                facts.append(fact("high", "location", [os.path.relpath(where, src)], "go test -json Output: innermost project frame"))
        facts.append(fact("high", "summary", [f"FAIL\t{package}"], "go test -json Action=fail Package"))
    return facts


def test_case(case: str, mutations: list[tuple[str, str, str]], verbose: bool = False, runner: bool = False,
              env: dict[str, str] | None = None) -> None:
    job, src = prepare(case, mutations, runner)
    args = ("-v " if verbose else "") + "./..."
    job.run("Test", f"go test {args}", src, env=env, expect_fail=True)
    facts = json_facts(src, "./...", env or {})
    facts.append(fact("low", "summary", [tool_version("go version")], "go version"))
    write_case(job, ECO, "go test", facts, versions())


def vet_case() -> None:
    case = "go-vet"
    job, src = prepare(case, [
        ("config/parse.go", 'return nil, &ParseError{line, "unterminated section header"}',
         'return nil, fmt.Errorf("line %d: unterminated section header %s", line)'),
        ("lru/lru.go", "func (c *Cache) Len() int {", "func (c Cache) Len() int {"),
        ("config/parse.go", "	return value\n}", "	return value\n	return \"\"\n}"),
        ("lru/lru.go", 'return float64(c.hits) / float64(total)', 'fmt.Printf("hit rate %d\\n", float64(c.hits)/float64(total))\n	return float64(c.hits) / float64(total)'),
        ("lru/lru.go", 'import (\n\t"container/list"', 'import (\n\t"container/list"\n\t"fmt"'),
    ])
    job.run("Vet", "go vet ./...", src, expect_fail=True)
    raw = capture("go vet -json ./... 2>&1", src, ENV)
    facts = []
    for block in re.findall(r"^\{.*?^\}", raw, re.M | re.S):
        for _package, analyzers in json.loads(block).items():
            for analyzer, items in analyzers.items():
                for item in items:
                    where = os.path.relpath(item["posn"], src)
                    where = re.sub(r"^(.*):(\d+):(\d+)$", r"\1:\2:\3", where)
                    facts.append(fact("critical", "error", [f"{where}: {item['message']}"], f"go vet -json {analyzer}"))
    facts.append(fact("low", "summary", [tool_version("go version")], "go version"))
    write_case(job, ECO, "go vet", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    test_case("go-test-failures", [
        ("config/parse.go", "	for scanner.Scan() {\n		line++\n		text := strings.TrimSpace(scanner.Text())\n		if text == \"\" || strings.HasPrefix(text, \"#\") || strings.HasPrefix(text, \";\") {\n			continue\n		}",
         "	for scanner.Scan() {\n		text := strings.TrimSpace(scanner.Text())\n		if text == \"\" || strings.HasPrefix(text, \"#\") || strings.HasPrefix(text, \";\") {\n			continue\n		}\n		line++"),
        ("config/parse.go", "		if item = strings.TrimSpace(item); item != \"\" {", "		if item = strings.TrimSpace(item); true {"),
        ("lru/lru.go", "		oldest := c.order.Back()", "		oldest := c.order.Front()"),
    ])
    test_case("go-test-panic-runner-timestamps", [
        ("lru/lru.go", "		keys = append(keys, el.Value.(*entry).key)", "		keys = append(keys, el.Value.(entry).key)"),
        ("config/parse.go", "	if len(value) >= 2 && value[0] == '\"' && value[len(value)-1] == '\"' {",
         "	if len(value) >= 1 && value[0] == '\"' && value[len(value)] == '\"' {"),
    ], verbose=True, runner=True)
    test_case("go-test-buried-6000-subtests", [
        ("config/parse.go", "		if item = strings.TrimSpace(item); item != \"\" {", "		if item = strings.TrimSpace(item); true {"),
    ], verbose=True, env={"KVCONF_BULK": "500"})
    vet_case()
