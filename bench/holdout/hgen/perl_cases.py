"""Perl: Makefile.PL, make and make test (Test::More under Test::Harness) on projects/perl/Text-Tally.
Facts come from a second run of the same built tree through tools/tap_failures.pl (TAP::Parser)."""

from __future__ import annotations

from pathlib import Path

from hgen.base import TOOLS, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob

ECO = "perl"


def versions() -> list[str]:
    return [
        tool_version("perl -v | sed -n 2p"),
        tool_version("perl -MExtUtils::MakeMaker -e 'print \"MakeMaker $ExtUtils::MakeMaker::VERSION\\n\"'"),
    ]


def tap_facts(src: Path) -> list[dict]:
    source = "second run: tools/tap_failures.pl (TAP::Parser over t/*.t)"
    facts = []
    files = failed_files = tests = failed_tests = 0
    for line in capture(f"perl {TOOLS / 'tap_failures.pl'} -Iblib/lib t/*.t", src).splitlines():
        kind, file, *fields = line.split("\t")
        if kind == "FILE":
            run, failed, status = (int(v) for v in fields)
            files, tests, failed_tests = files + 1, tests + run, failed_tests + failed
            if failed:
                failed_files += 1
                facts.append(
                    fact(
                        "high",
                        "summary",
                        [f"{file} (Wstat: {status * 256} (exited {status}) Tests: {run} Failed: {failed})"],
                        source + " (per-file counts, exit)",
                    )
                )
            continue
        _number, desc, diag = fields
        notes = diag.split("\x1f")
        facts.append(fact("critical", "failed_test", [f"#   Failed test '{desc}'"], source + " (test description)"))
        values = [n for n in notes if n.lstrip("# ").startswith(("got:", "expected:"))]
        facts.append(fact("critical", "error", values, source + " (got/expected diagnostics)"))
        facts.append(
            fact(
                "high",
                "location",
                [next(n for n in notes if n.startswith("#   at "))[4:]],
                source + " (diagnostic: at file line)",
            )
        )
    facts.append(fact("high", "summary", ["Result: FAIL"], source + " (some file failed)"))
    facts.append(
        fact(
            "high",
            "summary",
            [f"Failed {failed_files}/{files} test programs. {failed_tests}/{tests} subtests failed."],
            source + " (counts)",
        )
    )
    return facts


def github_case() -> None:
    case = "perl-make-test-then-artifacts-github"
    job = FramedJob(case, system="github")
    src = prepare(
        job,
        ECO,
        "Text-Tally",
        [
            ("lib/Text/Tally.pm", "    my $max;", "    my $max = 0;"),
            ("lib/Text/Tally.pm", "!defined $max || ", ""),
            ("lib/Text/Tally.pm", "($sorted[$mid - 1] + $sorted[$mid]) / 2", "$sorted[$mid]"),
        ],
    )
    job.run(
        "Configure",
        "perl -v | sed -n 2p && perl tools/gen_fixtures.pl 2400 && perl Makefile.PL",
        src,
        expect_fail=False,
    )
    job.run("Build", "make", src, expect_fail=False)
    job.run("Test", "make test", src, expect_fail=True)
    job.run_after(
        "Upload test artifacts",
        "tar -czvf test-artifacts.tar.gz t/fixtures blib Makefile && "
        "ls -l test-artifacts.tar.gz | awk '{print \"artifact size:\", $5}'",
        src,
    )
    facts = tap_facts(src) + job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version("perl -v | sed -n 2p")], "perl -v"))
    write_case(job, ECO, "make test (Test::More)", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    github_case()
