"""Haskell: GHC and hspec on projects/haskell/numerals, in a GitLab CI job. Facts: failing paths from
hspec's --failure-report, their messages and locations from a second run with the failed-examples
formatter, GHC's warnings from a second compile with -ddump-json."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hgen.base import WORK, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob

ECO = "haskell"
GHC = "ghc -Wall -isrc -itest -outputdir _out -o spec test/Spec.hs"


def versions() -> list[str]:
    return [tool_version("ghc --version"), tool_version("ghc-pkg field hspec version --simple-output")]


def ghc_warnings(src: Path, case: str) -> list[dict]:
    out = capture(
        f"ghc -Wall -ddump-json -isrc -itest -outputdir {WORK / case / 'json-out'} "
        f"-o {WORK / case / 'spec-json'} test/Spec.hs 2>&1",
        src,
    )
    facts = []
    for line in out.splitlines():
        if line.startswith("{") and '"SevWarning"' in line:
            d = json.loads(line)
            span, flag = d["span"], d["reason"]
            facts.append(
                fact(
                    "medium",
                    "warning",
                    [f"{span['file']}:{span['startLine']}:{span['startCol']}: warning:", d["doc"].splitlines()[0]],
                    f"ghc -ddump-json ({flag})",
                )
            )
    return facts


def hspec_facts(src: Path, case: str) -> list[dict]:
    report = WORK / case / "failure-report"
    printed = capture(f"./spec --seed 1 --failure-report {report} --format=failed-examples", src)
    paths = re.findall(r'\(\[([^]]*)\],"((?:[^"\\]|\\.)*)"\)', report.read_text())
    blocks = re.findall(r"^  (\S+:\d+:\d+): \n  \d+\) (.+)\n((?:       .*\n)+)", printed, re.M)
    by_name = {name: (where, body) for where, name, body in blocks}
    facts = []
    for groups, description in paths:
        name = ".".join(json.loads(f"[{groups}]")) + " " + description
        facts.append(
            fact("critical", "failed_test", [name], "hspec --failure-report (path, joined as hspec prints it)")
        )
        where, body = by_name[name]
        message = [line.strip() for line in body.splitlines() if not line.strip().startswith(("CallStack", "error,"))]
        facts.append(fact("critical", "error", message, "second run, --format=failed-examples (failure message)"))
        facts.append(fact("high", "location", [where], "second run, --format=failed-examples (location)"))
    summary = re.search(r"^\d+ examples?, \d+ failures?$", printed, re.M)
    facts.append(fact("high", "summary", [summary.group(0)], "second run, --format=failed-examples (counts)"))
    return facts


def gitlab_case() -> None:
    case = "hs-hspec-failures-gitlab"
    job = FramedJob(case, system="gitlab")
    src = prepare(
        job,
        ECO,
        "numerals",
        [
            ("src/Data/Roman.hs", ', (4, "IV")', ""),
            ("src/Data/Roman.hs", "  | n < 1 || n > 3999", "  | n > 3999"),
            ("src/Data/Roman.hs", "('L', 50), ", ""),
            ("src/Data/Wrap.hs", "<= width", "< width"),
            (
                "src/Data/Wrap.hs",
                "module Data.Wrap (wrap) where\n",
                "module Data.Wrap (wrap) where\n\nimport Data.Char (isSpace)\n",
            ),
        ],
    )
    job.run("ghc", "ghc --version", src, expect_fail=False)
    job.run("build", GHC, src, expect_fail=False)
    job.run("test", "./spec --seed 1", src, expect_fail=True)
    job.run_after("after_script", "du -sh _out | cut -f1", src)
    facts = hspec_facts(src, case) + ghc_warnings(src, case) + job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version("ghc --version")], "ghc --version"))
    write_case(job, ECO, "ghc+hspec", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    gitlab_case()
