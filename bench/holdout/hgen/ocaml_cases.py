"""OCaml: dune builds and OUnit2 tests on projects/ocaml/spans. Compile facts come from a second dune
build of the same checkout (OCaml 4.13 has no machine-readable diagnostics: its own error report,
`File "f", line N, characters a-b:` then `Error…`, is parsed); test facts from OUnit's JUnit file."""

from __future__ import annotations

import re
from pathlib import Path

from hgen.base import WORK, Job, capture, fact, prepare, run_only, tool_version, write_case
from hgen.junit import failures

ECO = "ocaml"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def versions() -> list[str]:
    return [tool_version("ocamlfind ocamlc -version 2>/dev/null || ocaml -version"), tool_version("dune --version")]


def compile_facts(src: Path) -> list[dict]:
    out = capture("rm -rf _build && dune build 2>&1", src, ENV)
    facts = []
    for where, error in re.findall(r'^(File "[^"]+", line \d+, characters \d+-\d+):\n(?:.*\n)*?(Error.*)$', out, re.M):
        facts.append(fact("critical", "error", [where, error], "second dune build: OCaml's error report"))
    return facts


def ounit_facts(src: Path, case: str) -> list[dict]:
    xml = WORK / case / "ounit.xml"
    capture(f"./_build/default/test/test_spans.exe -output-junit-file {xml}", src, ENV)
    found, total = failures(xml)
    source = "second run of the test executable, OUnit -output-junit-file"
    facts = []
    for f in found:
        facts.append(fact("critical", "failed_test", [f"Error: {f.name}."], source + " (testcase name)"))
        message = f.text.split("\nRaised at ")[0].splitlines()  # the attribute's newlines are XML-normalised away
        facts.append(fact("critical", "error", message, source + " (failure text before the backtrace)"))
    facts.append(
        fact(
            "high",
            "summary",
            [f"FAILED: Cases: {total} Tried: {total} Errors: 0 Failures: {len(found)}"],
            source + " (testsuite counts)",
        )
    )
    return facts


def compile_case() -> None:
    case = "ocaml-dune-compile-errors"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "spans",
        [
            ("lib/spans.ml", 'Printf.sprintf "%d-%d" s.lo s.hi', 'Printf.sprintf "%d-%d" s.lo (string_of_int s.hi)'),
            (
                "lib/table.ml",
                "  let ws = widths rows in\n",
                "  let ws = widths rows in\n  let failed_rows = List.filter (fun r -> r = []) rows in\n",
            ),
        ],
    )
    job.run("Versions", "ocaml -version && dune --version", src, expect_fail=False)
    job.run("Build", "dune build 2>&1", src, expect_fail=True)
    facts = compile_facts(src)
    facts.append(fact("low", "summary", [tool_version("ocaml -version")], "ocaml -version"))
    write_case(job, ECO, "dune (ocamlc)", facts, versions())


def test_case() -> None:
    case = "ocaml-ounit-failures"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "spans",
        [
            ("lib/spans.ml", "when s.lo <= prev.hi", "when s.lo < prev.hi"),
            ("lib/spans.ml", "let length s = s.hi - s.lo", "let length s = s.hi - s.lo + 1"),
            ("lib/spans.ml", '| _ -> failwith ("Spans.parse: expected lo-hi, got " ^ text)', "| _ -> invalid_arg text"),
        ],
    )
    job.run("Versions", "ocaml -version && dune --version", src, expect_fail=False)
    job.run("Build", "dune build 2>&1", src, expect_fail=False)
    job.run("Test", "dune test 2>&1", src, expect_fail=True)
    facts = ounit_facts(src, case)
    facts.append(fact("low", "summary", [tool_version("ocaml -version")], "ocaml -version"))
    write_case(job, ECO, "dune test (OUnit2)", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    compile_case()
    test_case()
