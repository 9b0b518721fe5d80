"""Two shapes of tools the corpus already has: cargo test with failing doctests (projects/rust/slugkit;
facts from libtest JSON of the doctests) and mypy --pretty on a narrow terminal, whose long messages wrap
over two lines (projects/python/ledger; facts from mypy -O json, wrapped with mypy's own soft_wrap)."""
from __future__ import annotations

import json

from gen.common import WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case
from gen.rust_cases import ENV as RUST_ENV
from gen.rust_cases import test_facts

WIDTH = 60


def doctest_case() -> None:
    case = "rust-cargo-doctest-failures"
    origin = copy_project("rust", "slugkit", case)
    mutate(origin, "src/lib.rs", "        } else {\n            dash = true;\n        }",
           "        } else if !slug.is_empty() && !slug.ends_with('-') {\n            slug.push('-');\n        }")
    mutate(origin, "src/lib.rs", "            if dash && !slug.is_empty() {\n                slug.push('-');\n            }\n", "")
    mutate(origin, "src/lib.rs", "        Some(cut) => &slug[..cut],", "        Some(cut) => &slug[..=cut],")
    job = Job(case, env=RUST_ENV)
    src = job.checkout(origin, WORK / case)
    job.run("Toolchain", "cargo --version && rustc --version", src)
    job.run("Test", "cargo test", src, expect_fail=True)
    facts = test_facts(src)
    facts.append(fact("high", "error", ["error: doctest failed, to rerun pass `--doc`"], "cargo test exit: the doctest target failed"))
    facts.append(fact("low", "summary", [tool_version("cargo --version")], "cargo --version"))
    write_case(job, "rust", "cargo test (doctests)", facts, [tool_version("cargo --version"), tool_version("rustc --version")])


def mypy_case() -> None:
    from mypy.util import soft_wrap  # mypy's own wrapping of --pretty messages, so the facts wrap as printed

    case = "py-mypy-pretty-wrapped-messages"
    origin = copy_project("python", "ledger", case)
    mutate(origin, "ledger/stats.py", "    return min(expenses, key=lambda e: e.amount)",
           "    return str(min(expenses, key=lambda e: e.amount))")
    mutate(origin, "ledger/report.py", "def render_report(entries: list[Entry], width: int = 32) -> str:",
           "def render_report(entries: list[Entry], width: int = 32) -> dict[str, list[tuple[str, int]]]:")
    mutate(origin, "ledger/money.py", "def from_float(value: float) -> Money:", "def from_float(value: float | str | None) -> Money:")
    env = {"MYPY_FORCE_TERMINAL_WIDTH": str(WIDTH)}
    job = Job(case, env=env)
    src = job.checkout(origin, WORK / case)
    job.run("Set up Python", "python3 --version && mypy --version", src)
    job.run("Type check", "mypy --pretty ledger", src, expect_fail=True)
    facts = []
    errors = 0
    for line in capture("mypy -O json ledger", src, env).splitlines():
        if not line.startswith("{"):
            continue
        d = json.loads(line)
        if d["severity"] != "error":
            continue
        errors += 1
        location = f"{d['file']}:{d['line']}: "
        wrapped = soft_wrap(f" {d['message']}  [{d['code']}]", WIDTH, first_offset=len(location) + len("error: "))
        parts = [part.strip() for part in wrapped.split("\n")]
        facts.append(fact("critical", "error", [f"{location}error: {parts[0]}", *parts[1:]],
                          f"mypy -O json, wrapped at {WIDTH} columns by mypy.util.soft_wrap as --pretty prints it"))
    facts.append(fact("high", "summary", [f"Found {errors} error{'s' if errors != 1 else ''} in"], "mypy -O json error count"))
    facts.append(fact("low", "summary", [tool_version("mypy --version").split(" (")[0]], "mypy --version"))
    write_case(job, "python", "mypy --pretty", facts, [tool_version("mypy --version"), tool_version("python3 --version")])


def main() -> None:
    if run_only(globals()):
        return
    doctest_case()
    mypy_case()
