"""R: testthat on projects/r/tinyledger, in a Jenkins pipeline. Facts come from a second run of the same
checkout through tools/testthat_results.R (testthat's own list of results, written as records)."""

from __future__ import annotations

from pathlib import Path

from hgen.base import TOOLS, WORK, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob

ECO = "r"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def versions() -> list[str]:
    return [tool_version("R --version"), tool_version("Rscript -e 'cat(format(packageVersion(\"testthat\")))'")]


def testthat_facts(src: Path) -> list[dict]:
    source = "second run: tools/testthat_results.R (testthat results list)"
    facts = []
    for line in capture(f"Rscript {TOOLS / 'testthat_results.R'} .", src, ENV).splitlines():
        kind, *fields = line.split("\t")
        if kind == "COUNT":
            fail, warn, skip, passed = fields
            facts.append(
                fact(
                    "high",
                    "summary",
                    [f"[ FAIL {fail} | WARN {warn} | SKIP {skip} | PASS {passed} ]"],
                    source + " (counts)",
                )
            )
            continue
        where, test, message = fields
        lines = [m for m in message.split("\x1f") if m.strip()]
        if kind == "Warning":
            facts.append(fact("medium", "warning", [lines[0], where], source + " (warning)"))
            continue
        facts.append(fact("critical", "failed_test", [test], source + " (test name)"))
        facts.append(fact("critical", "error", [line.strip() for line in lines], source + " (condition message)"))
        facts.append(fact("high", "location", [where], source + " (expectation srcref)"))
    return facts


def jenkins_case() -> None:
    case = "r-testthat-jenkins"
    job = FramedJob(case, system="jenkins", env=ENV)
    src = prepare(
        job,
        ECO,
        "tinyledger",
        [
            ("R/ledger.R", 'gsub(",", "", trimws(text), fixed = TRUE)', 'gsub(".", "", trimws(text), fixed = TRUE)'),
            ("R/ledger.R", 'big.mark = ","', 'big.mark = " "'),
            ("R/ledger.R", "  entries <- entries[order(entries$date), ]\n", ""),
            (
                "R/ledger.R",
                "  months <- substr(entries$date, 1, 7)\n",
                '  months <- substr(entries$date, 1, 7)\n  warning("failed to cache month keys; recomputing")\n',
            ),
        ],
    )
    lib = WORK / case / "rlib"
    lib.mkdir(exist_ok=True)
    job.run(
        "Build",
        f"R --version | head -1 && R CMD build --no-manual . && R CMD INSTALL -l {lib} tinyledger_0.2.0.tar.gz",
        src,
        expect_fail=False,
    )
    job.run("Test", "Rscript -e 'testthat::test_local(\".\")'", src, expect_fail=True)
    job.skip("Publish")
    job.run_after("Archive", "ls -l tinyledger_0.2.0.tar.gz | awk '{print $5, $9}'", src)
    facts = testthat_facts(src) + job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version("R --version")], "R --version"))
    write_case(job, ECO, "testthat", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    jenkins_case()
