"""Erlang cases on projects/erlang/ratelim (Debian's erlang, no rebar3): Common Test through ct_run (facts
from its cth_surefire hook) and EUnit (facts from its eunit_surefire report) of the same runs."""
from __future__ import annotations

import re
from pathlib import Path

from gen.common import WORK, Job, copy_project, fact, junit_cases, mutate, run_only, tool_version, write_case

ECO = "erlang"
OTP = "erl -noshell -eval 'io:format(\"Erlang/OTP ~s (ERTS ~s)~n\", [erlang:system_info(otp_release), erlang:system_info(version)]), halt().'"


def versions() -> list[str]:
    return [tool_version(OTP)]


def prepare(case: str, mutations: list[tuple[str, str, str]]) -> tuple[Job, Path]:
    origin = copy_project("erlang", "ratelim", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case)
    src = job.checkout(origin, WORK / case)
    job.run("Erlang", OTP, src)
    job.run("Compile", "mkdir -p ebin && erlc -o ebin src/*.erl", src, expect_fail=False)
    return job, src


def ct_case() -> None:
    case = "erlang-common-test"
    job, src = prepare(case, [
        ("src/ratelim.erl", "B#bucket{tokens = min(float(Cap), Tokens + Added), at = Now}", "B#bucket{tokens = Tokens + Added, at = Now}"),
        ("src/ratelim.erl", "{error, {retry_after, ceil(Missing * 1000 / Bucket#bucket.rate)}, Bucket}",
         "{error, {retry_after, round(Missing * 1000 / Bucket#bucket.rate)}, Bucket}"),
    ])
    report = WORK / case / "ct-surefire.xml"
    job.run("Common Test", f"mkdir -p logs && ct_run -noshell -pa $PWD/ebin -dir test -logdir logs -suite ratelim_SUITE "
            f"-ct_hooks cth_surefire '[{{path,\"{report}\"}}]'", src, expect_fail=True)
    facts = []
    cases = [c for c in junit_cases(report) if not c.name.startswith(("init_per", "end_per"))]
    for c in cases:
        if c.outcome not in ("failure", "error"):
            continue
        line = re.search(r'\{file,"' + re.escape(c.suite) + r'\.erl"\},\{line,(\d+)\}', c.text.replace("&quot;", '"'))
        where = f" failed on line {line.group(1)}" if line else " failed"
        facts.append(fact("critical", "failed_test", [f"{c.suite}:{c.name}{where}"], "ct cth_surefire testcase + its frame's line"))
        reason = re.match(r"^\{(\{.*?\}|\w+),\s*\n?\s*\[", c.text, re.S)
        if reason:
            facts.append(fact("critical", "error", [f"Reason: {reason.group(1)}"], "ct cth_surefire failure text: the reason term"))
    failed = sum(c.outcome in ("failure", "error") for c in cases)
    facts.append(fact("high", "summary", [f"TEST COMPLETE, {len(cases) - failed} ok, {failed} failed of {len(cases)} test cases"],
                      "ct cth_surefire testcase counts (init/end_per_* excluded)"))
    facts.append(fact("low", "summary", [tool_version(OTP)], "erlang:system_info"))
    write_case(job, ECO, "common_test", facts, versions())


def eunit_case() -> None:
    case = "erlang-eunit"
    job, src = prepare(case, [
        ("src/kvline.erl", 'case string:split(Text, "=") of', 'case string:split(Text, "=", all) of'),
        ("src/kvline.erl", 'lists:join("; ",', 'lists:join(";",'),
    ])
    reports = WORK / case / "eunit"
    job.run("EUnit", f"mkdir -p {reports} && erlc -o ebin test/kvline_tests.erl && erl -noshell -pa ebin -eval "
            f"'R = eunit:test(kvline_tests, [verbose, {{report, {{eunit_surefire, [{{dir, \"{reports}\"}}]}}}}]), "
            "halt(case R of ok -> 0; _ -> 1 end).'", src, expect_fail=True)
    facts = []
    cases = junit_cases(*sorted(reports.glob("TEST-*.xml")))
    for c in cases:
        if c.outcome not in ("failure", "error"):
            continue
        module, name = c.name.split(" ", 1)
        facts.append(fact("critical", "failed_test", [f"{module.split(':')[0]}: {name}...*failed*"], "eunit_surefire testcase name"))
        error = next(line for line in c.text.splitlines() if line.startswith("**"))
        expected = re.search(r"\{expected,(.+?)\},\s*\{value,(.+?)\}\]\}", c.text, re.S)
        parts = [error.rstrip(",")] if not expected else [error.rstrip(","), f"{{expected,{expected.group(1)}}}", f"{{value,{expected.group(2)}}}"]
        facts.append(fact("critical", "error", parts, "eunit_surefire error text"))
        where = re.search(r"^(?:::)?in function \S+ \((\S+\.erl, line \d+)\)", c.text, re.M)
        if where:
            facts.append(fact("high", "location", [f"({where.group(1)})"], "eunit_surefire error text: innermost frame"))
    failed = sum(c.outcome in ("failure", "error") for c in cases)
    skipped = sum(c.outcome == "skipped" for c in cases)
    facts.append(fact("high", "summary", [f"Failed: {failed}.  Skipped: {skipped}.  Passed: {len(cases) - failed - skipped}."],
                      "eunit_surefire testsuite counts"))
    facts.append(fact("low", "summary", [tool_version(OTP)], "erlang:system_info"))
    write_case(job, ECO, "eunit", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    ct_case()
    eunit_case()
