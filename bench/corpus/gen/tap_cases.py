"""TAP cases on projects/tap/wordstat: Perl's prove (Test::More) and bats, plain and framed by Travis CI.
Facts come from the TAP of each test file read by TAP::Parser (tools/tap_json.pl)."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from gen.common import TOOLS, WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "tap"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def versions() -> list[str]:
    return [tool_version("perl -e 'print \"perl $^V\\n\"'"), tool_version("prove --version"), tool_version("bats --version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], frame: str = "") -> tuple[Job, Path]:
    origin = copy_project("tap", "wordstat", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, env=ENV, frame=frame)
    src = job.checkout(origin, WORK / case)
    return job, src


def tap_points(tap: str, source: str) -> list[dict]:
    """The test points of a TAP stream as TAP::Parser reads them (tools/tap_json.pl)."""
    proc = subprocess.run(["perl", str(TOOLS / "tap_json.pl")], input=tap, capture_output=True, text=True, check=True)
    points = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    for point in points:
        point["file"] = source
    return points


def tap_facts(points: list[dict], verbose: bool, source: str) -> list[dict]:
    """Per failing TAP point: its id (the `not ok` line when the TAP is printed, Test::More's
    `Failed test '…'` otherwise), its diagnostics (got/expected, a failed bats command), its location."""
    facts = []
    for point in points:
        if point["ok"] or point["directive"]:
            continue
        comments = [c.lstrip("#").strip() for c in point["comments"]]
        named = next((c for c in comments if c.startswith("Failed test '")), "")
        if verbose or not named:
            facts.append(fact("critical", "failed_test", [f"not ok {point['number']} {point['description']}".rstrip()],
                              f"{source}: TAP::Parser test point, not ok"))
        else:
            facts.append(fact("critical", "failed_test", [named], f"{source}: TAP::Parser comment after the failing point"))
        where = next((c for c in comments if re.match(r"^(at \S+ line \d+\.|\(in test file \S+, line \d+\))$", c)), "")
        if where:
            facts.append(fact("high", "location", [where], f"{source}: TAP::Parser comment (location)"))
        detail = [c for c in comments if c and c != named and c != where and not c.startswith(("Failed test", "Looks like"))]
        if detail:
            facts.append(fact("critical", "error", detail[:3], f"{source}: TAP::Parser comments (diagnostics)"))
        elif point.get("yaml"):
            y = point["yaml"]
            facts.append(fact("critical", "error", [f"expected: {y['expected']}", f"actual:   {y['actual']}"]
                              if "actual" in y else [str(y.get("operator", ""))], f"{source}: TAP::Parser YAML block"))
    return facts


def file_taps(src: Path, files: list[str]) -> dict[str, str]:
    return {f: capture(f"perl -Ilib {f} 2>&1", src, ENV) for f in files}


def ranges(numbers: list[int]) -> str:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def prove_summary(points_by_file: dict[str, list[dict]]) -> list[dict]:
    facts = []
    for name, points in points_by_file.items():
        failed = [p["number"] for p in points if not p["ok"] and not p["directive"]]
        if failed:
            label = "Failed tests:  " if len(failed) > 1 else "Failed test:  "
            facts.append(fact("high", "summary", [label + ranges(failed)],
                              f"TAP::Parser failed points of {name} (consecutive numbers as a range, as prove prints them)"))
    facts.append(fact("high", "summary", ["Result: FAIL"], "prove exit status (TAP::Parser: failures)"))
    return facts


def prove_case(case: str, mutations: list[tuple[str, str, str]], verbose: bool) -> None:
    job, src = prepare(case, mutations)
    job.run("Perl", "perl -v | sed -n 2p && prove --version", src)
    job.run("Test", f"prove -l{'v' if verbose else ''} t/", src, expect_fail=True)
    files = sorted(str(p.relative_to(src)) for p in (src / "t").glob("*.t"))
    by_file = {f: tap_points(tap, f) for f, tap in file_taps(src, files).items()}
    facts = [f for name, points in by_file.items() for f in tap_facts(points, verbose, name)]
    facts += prove_summary(by_file)
    facts.append(fact("low", "summary", [tool_version("prove --version")], "prove --version"))
    write_case(job, ECO, "prove", facts, versions())


def bats_case() -> None:
    case = "tap-bats-cli"
    job, src = prepare(case, [
        ("bin/wordstat", 'die "wordstat: no input files\\n"', 'die "wordstat: no input file given\\n"'),
        ("bin/wordstat", "or die \"wordstat: cannot open $file: $!\\n\";", "or next;"),
    ])
    job.run("Bats", "bats --version", src)
    job.run("CLI tests", "bats test/", src, expect_fail=True)
    tap = capture("bats --formatter tap test/", src, ENV)
    facts = tap_facts(tap_points(tap, "test/cli.bats"), True, "bats --formatter tap")
    facts.append(fact("low", "summary", [tool_version("bats --version")], "bats --version"))
    write_case(job, ECO, "bats", facts, versions())


def travis_case() -> None:
    case = "travis-prove-after-failure"
    job, src = prepare(case, [
        ("lib/WordStat.pm", "return grep { $_ ne \"'\" } map { s/^'+|'+$//gr } @words;", "return @words;"),
        ("lib/WordStat.pm", "$slug =~ s/^-+|-+$//g;", "$slug =~ s/^-+//g;"),
    ], frame="travis")
    job.run("Install", "perl -v | sed -n 2p && prove --version && bats --version", src)
    job.run("Test", "ci/build.sh", src, expect_fail=True)
    job.run("Build CLI tests", "bats test/", src, always=True, expect_fail=False)
    job.run("After failure", "perl -V", src, always=True, expect_fail=False)
    files = sorted(str(p.relative_to(src)) for p in (src / "t").glob("*.t"))
    by_file = {f: tap_points(tap, f) for f, tap in file_taps(src, files).items()}
    facts = [f for name, points in by_file.items() for f in tap_facts(points, False, name)]
    facts += prove_summary(by_file)
    facts.append(fact("high", "summary", ['The command "ci/build.sh" exited with 1.'], "Travis verdict of the failing script command"))
    facts.append(fact("high", "summary", ["Done. Your build exited with 1."], "Travis build verdict"))
    facts.append(fact("low", "summary", [tool_version("prove --version")], "prove --version"))
    write_case(job, ECO, "prove (Travis CI)", facts, versions(), notes="framing: gen/ci_framing.py travis()")


def main() -> None:
    if run_only(globals()):
        return
    prove_case("tap-prove-verbose", [
        ("lib/WordStat.pm", "|| $a cmp $b", "|| $b cmp $a"),
        ("lib/WordStat.pm", "d => 86400", "d => 8640"),
        ("lib/WordStat.pm", "return $i == 0 ? \"$bytes B\" : sprintf('%.1f %s', $bytes, $units[$i]);",
         "return $i == 0 ? \"$bytes B\" : sprintf('%d %s', $bytes, $units[$i]);"),
    ], verbose=True)
    bats_case()
    travis_case()
