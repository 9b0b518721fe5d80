"""Lua: busted on projects/lua/wordfreq. Facts come from a second run of the same checkout with
busted's JUnit output (-o junit)."""

from __future__ import annotations

import re
from pathlib import Path

from hgen.base import Job, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob
from hgen.junit import failures

ECO = "lua"
BUSTED = "busted --lpath='./src/?.lua'"
BUGS = {
    "sort": ("src/wordfreq.lua", "return a.count > b.count end", "return a.count < b.count end"),
    "message": (
        "src/wordfreq.lua",
        'error("width must be positive, got " .. tostring(width))',
        'error("width must be positive")',
    ),
    "slug": ("src/wordfreq.lua", ':gsub("^-+", "")', ""),
}


def versions() -> list[str]:
    return [tool_version("busted --version"), tool_version("lua -v")]


def busted_facts(src: Path, rounds: int, tap: bool) -> list[dict]:
    out = capture(f"{BUSTED} -o junit", src, {"WORDFREQ_ROUNDS": str(rounds)})
    source = "second busted run, -o junit"
    found, total = failures(out[out.index("<") :])
    facts = []
    for f in found:
        test = f"not ok {f.index} - {f.name}" if tap else f.name
        facts.append(fact("critical", "failed_test", [test], f"{source} (testcase name, position)"))
        lines = f.text.splitlines()
        # the first line is the assertion with its file:line; a string or number value follows its label
        values = [
            lines[i + 1]
            for i in range(len(lines) - 1)
            if lines[i] in ("Passed in:", "Expected:", "Caught:") and lines[i + 1].startswith(("(string)", "(number)"))
        ]
        facts.append(fact("critical", "error", [lines[0], *values], f"{source} (failure text: assertion, values)"))
        facts.append(
            fact(
                "high",
                "location",
                [re.sub(r":\d+$", "", f.classname) + " @ " + f.classname.rsplit(":", 1)[1]],
                f"{source} (testcase classname)",
            )
        )
    if not tap:
        facts.append(
            fact(
                "high",
                "summary",
                [f"{total - len(found)} successes / {len(found)} failures / 0 errors"],
                f"{source} (counts)",
            )
        )
    else:
        facts.append(fact("high", "summary", [f"1..{total}"], f"{source} (count: the TAP plan)"))
    facts.append(fact("low", "summary", [tool_version("lua -v")], "lua -v"))
    return facts


def failures_travis() -> None:
    case = "lua-busted-failures-travis"
    job = FramedJob(case, system="travis")
    src = prepare(job, ECO, "wordfreq", [BUGS["sort"], BUGS["message"], BUGS["slug"]])
    job.run("install", "busted --version && lua -v", src, expect_fail=False)
    job.run("script", f"{BUSTED} -o utfTerminal", src, expect_fail=True)
    job.run_after("after_failure", "git -C . log -1 --stat --format='%h %s'", src)
    facts = busted_facts(src, 40, tap=False) + job.verdict_facts()
    write_case(job, ECO, "busted", facts, versions())


def tap_buried() -> None:
    case = "lua-busted-tap-buried-4000"
    job = Job(case, env={"WORDFREQ_ROUNDS": "300"})
    src = prepare(job, ECO, "wordfreq", [BUGS["sort"]])
    job.run("Versions", "busted --version && lua -v", src, expect_fail=False)
    job.run("Test", f"{BUSTED} -o TAP", src, expect_fail=True)
    write_case(job, ECO, "busted", busted_facts(src, 300, tap=True), versions())


def main() -> None:
    if run_only(globals()):
        return
    failures_travis()
    tap_buried()
