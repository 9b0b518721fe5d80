"""Elixir: mix compile and ExUnit on projects/elixir/tally. ExUnit has no structured report built in, so
facts come from a second run of the same checkout with tools/holdout_failures.ex as the formatter."""

from __future__ import annotations

from pathlib import Path

from hgen.base import TOOLS, WORK, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob

ECO = "elixir"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "MIX_ENV": "test"}


def versions() -> list[str]:
    return [
        tool_version("elixir --version | tail -1"),
        tool_version("erl -noshell -eval 'io:format(\"~s~n\", [erlang:system_info(otp_release)]), halt().'"),
    ]


def exunit_facts(src: Path, case: str) -> list[dict]:
    """Rerun the suite with the holdout formatter; one failed_test, one error and one location per failure."""
    ebin = WORK / case / "formatter"
    out = WORK / case / "exunit.tsv"
    capture(
        f"elixirc -o {ebin} {TOOLS / 'holdout_failures.ex'} && HOLDOUT_EXUNIT_OUT={out} "
        f"elixir -pa {ebin} -S mix test --seed 0 --formatter HoldoutFailures",
        src,
        ENV,
    )
    source = "second mix test run, tools/holdout_failures.ex formatter"
    facts = []
    for line in out.read_text().splitlines():
        fields = line.split("\t")
        if fields[0] == "COUNT":
            tests, failures = int(fields[1]), int(fields[2])
            word = "failure" if failures == 1 else "failures"
            facts.append(fact("high", "summary", [f"{tests} tests, {failures} {word}"], source + " (counts)"))
            continue
        _, name, module, where, _kind, message = fields
        facts.append(fact("critical", "failed_test", [f"{name} ({module})"], source + " (test name, module)"))
        facts.append(fact("critical", "error", message.split("\x1f"), source + " (failure message)"))
        facts.append(fact("high", "location", [where], source + " (test file:line)"))
    return facts


def failures_case() -> None:
    case = "ex-exunit-failures-github"
    job = FramedJob(case, system="github", env=ENV)
    src = prepare(
        job,
        ECO,
        "tally",
        [
            ("lib/tally.ex", "acc + item.qty * item.cents", "acc + item.cents"),
            ("lib/tally.ex", "&(&1.sku == sku)", "&(&1.sku == String.downcase(sku))"),
            (
                "lib/tally.ex",
                '_ -> {:error, "malformed row: #{inspect(row)}"}',
                '_ -> raise "malformed row: #{inspect(row)}"',
            ),
            (
                "lib/tally.ex",
                "  def reorder(items, level), do:",
                "  def reorder(items, level) do\n    failed = []\n    do_reorder(items, level)\n  end\n\n"
                "  defp do_reorder(items, level), do:",
            ),
        ],
    )
    job.run("Set up Elixir", "elixir --version", src, expect_fail=False)
    job.run("Compile", "mix compile", src, expect_fail=False)
    job.run("Test", "mix test --seed 0", src, expect_fail=True)
    job.run_after("Clean up", "rm -rf _build && git status --short && echo 'workspace cleaned'", src)
    facts = exunit_facts(src, case)
    line = (src / "lib/tally.ex").read_text().splitlines().index("    failed = []") + 1
    facts.append(
        fact(
            "medium",
            "warning",
            ['warning: variable "failed" is unused', f"lib/tally.ex:{line}"],
            "the injected unused variable's file:line in the checked-out source",
        )
    )
    facts += job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version("elixir --version | tail -1")], "elixir --version"))
    write_case(job, ECO, "mix+exunit", facts, versions())


def trace_case() -> None:
    case = "ex-exunit-trace-error-names-gitlab"
    job = FramedJob(case, system="gitlab", env=ENV)
    src = prepare(
        job,
        ECO,
        "tally",
        [
            ("lib/tally/error_log.ex", "attempts < 3", "attempts < 2"),
        ],
    )
    job.run("Set up Elixir", "elixir --version", src, expect_fail=False)
    job.run("Test", "mix test --trace --seed 0", src, expect_fail=True)
    job.run_after("after_script", "ls _build/test/lib/tally/ebin | head -3", src)
    facts = exunit_facts(src, case) + job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version("elixir --version | tail -1")], "elixir --version"))
    write_case(job, ECO, "mix+exunit", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    failures_case()
    trace_case()
