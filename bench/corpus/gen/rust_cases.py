"""Rust cases on projects/rust/ringstat: cargo test (libtest JSON via RUSTC_BOOTSTRAP=1 -Z unstable-options
--format json) and rustc diagnostics (cargo --message-format=json)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from gen.common import WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "rust"
ENV = {"RUST_BACKTRACE": "0", "CARGO_TERM_PROGRESS_WHEN": "never", "CARGO_INCREMENTAL": "0"}


def versions() -> list[str]:
    return [tool_version("cargo --version"), tool_version("rustc --version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], runner: bool = False) -> tuple[Job, Path]:
    origin = copy_project("rust", "ringstat", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, runner=runner, env=ENV)
    src = job.checkout(origin, WORK / case)
    job.run("Toolchain", "cargo --version && rustc --version", src)
    return job, src


def test_facts(src: Path) -> list[dict]:
    out = capture("RUSTC_BOOTSTRAP=1 cargo test --color never -q -- -Z unstable-options --format json", src, ENV)
    facts = []
    for line in out.splitlines():
        if not line.startswith("{"):
            continue
        event = json.loads(line)
        if event.get("type") == "test" and event.get("event") == "failed":
            facts.append(fact("critical", "failed_test", [f"test {event['name']} ... FAILED"], "libtest json event=failed name"))
            stdout = event.get("stdout", "")
            m = re.search(r"panicked at ([^\s:]+:\d+:\d+):\n(.*?)(?:\nstack backtrace:|\nnote: |\Z)", stdout, re.S)
            if m:
                message = [text.strip() for text in m.group(2).splitlines() if text.strip()]
                facts.append(fact("critical", "error", message[:3], "libtest json stdout: panic message"))
                facts.append(fact("high", "location", [f"panicked at {m.group(1)}"], "libtest json stdout: panic location"))
        elif event.get("type") == "suite" and event.get("event") == "failed":
            facts.append(fact("high", "summary", [f"test result: FAILED. {event['passed']} passed; {event['failed']} failed"],
                              "libtest json suite event counts"))
    return facts


def diagnostic_facts(src: Path, command: str) -> list[dict]:
    out = capture(command, src, ENV)
    facts = []
    for line in out.splitlines():
        data = json.loads(line)
        if data.get("reason") != "compiler-message":
            continue
        msg = data["message"]
        spans = [s for s in msg["spans"] if s["is_primary"]]
        if not spans:
            continue
        where = f"{spans[0]['file_name']}:{spans[0]['line_start']}:{spans[0]['column_start']}"
        code = f"[{msg['code']['code']}]" if msg.get("code") and msg["code"]["code"].startswith("E") else ""
        head = f"{msg['level']}{code}: {msg['message']}"
        if msg["level"] == "error":
            facts.append(fact("critical", "error", [head, where], "cargo --message-format=json compiler-message"))
            if code:
                facts.append(fact("high", "error", [f"error{code}"], "cargo --message-format=json code"))
        elif msg["level"] == "warning":
            facts.append(fact("medium", "warning", [head, where], "cargo --message-format=json compiler-message"))
    return facts


def test_case(case: str, mutations: list[tuple[str, str, str]], color: bool = False, runner: bool = False,
              after: list[tuple[str, str]] | None = None) -> None:
    job, src = prepare(case, mutations, runner)
    colour = "always" if color else "never"
    job.run("Test", f"cargo test --color {colour}", src, expect_fail=True)
    for title, command in after or []:
        job.run(title, command, src, always=True, expect_fail=False)
    facts = test_facts(src)
    facts += diagnostic_facts(src, "cargo test --no-run --message-format=json")
    facts.append(fact("low", "summary", [tool_version("cargo --version")], "cargo --version"))
    write_case(job, ECO, "cargo test", facts, versions())


def compile_case() -> None:
    case = "rust-compile-errors"
    job, src = prepare(case, [
        ("src/stats.rs", "    Some(values.iter().sum::<f64>() / values.len() as f64)",
         "    Some(values.iter().sum::<f64>() / values.len())"),
        ("src/ring.rs", "            self.len += 1;", "            self.len += 1u8;"),
        ("src/parse.rs", "    let mut out = Vec::new();", "    let mut out = Vec::new();\n    let mut skipped = 0;"),
        ("src/stats.rs", "    let values = ring.to_vec();", "    let values = ring.to_vec();\n    let first = values[0];"),
        ("src/parse.rs", "        out.push(value);", "        out.push(value as f32);"),
    ])
    job.run("Build", "cargo build --color never", src, expect_fail=True)
    facts = diagnostic_facts(src, "cargo build --message-format=json")
    facts.append(fact("high", "summary", ["could not compile `ringstat`"], "cargo exit status"))
    facts.append(fact("low", "summary", [tool_version("cargo --version")], "cargo --version"))
    write_case(job, ECO, "cargo build", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    test_case("rust-cargo-test-panics", [
        ("src/stats.rs", "    Some(squares / (values.len() - 1) as f64)", "    Some(squares / values.len() as f64)"),
        ("src/ring.rs", "            self.start = (self.start + 1) % cap;", "            self.start = self.start % cap;"),
        ("src/parse.rs", "line: index + 1,", "line: index,"),
    ])
    compile_case()
    test_case("rust-cargo-color-warnings", [
        ("src/stats.rs", "        Some((sorted[mid - 1] + sorted[mid]) / 2.0)", "        Some(sorted[mid])"),
        ("src/ring.rs", "    pub fn newest(&self) -> Option<f64> {\n", "    pub fn newest(&self) -> Option<f64> {\n        let cap = self.capacity();\n"),
        ("src/parse.rs", "            .map_err(|_| ParseError::BadNumber", "            .map_err(|e| ParseError::BadNumber"),
        ("src/stats.rs", "    if values.is_empty() {\n        return None;\n    }\n    let mut sorted", "    let mut sorted"),
    ], color=True)
    test_case("rust-fail-then-long-output", [
        ("src/stats.rs", "    let min = values.iter().cloned().fold(f64::INFINITY, f64::min);",
         "    let min = values.iter().cloned().fold(0.0, f64::min);"),
    ], after=[("Simulate", "cargo run --color never --release --example simulate -- 4000")])
