"""JavaScript and TypeScript: jest, vitest, mocha, node:test (TAP and spec), tsc and eslint."""
from __future__ import annotations

import re

from .rules import C, Family, H, M, Rewriter, rule

_ESLINT_FILE = re.compile(r"^(?:[A-Za-z]:)?[/\\]?[\w.@~+\-/\\]+\.(?:[cm]?[jt]sx?|vue|svelte|json)$")
_SOURCE_SUFFIXES = ("js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts", "vue", "svelte", "json")
_ESLINT_PROBLEM = re.compile(r"^\s+(\d+:\d+)\s+(error|warning)\s+")


def eslint_rewriter() -> Rewriter:
    """eslint's stylish output names the file once above its problems; put it back on each problem line."""
    current = ""

    def rewrite(text: str) -> str:
        nonlocal current
        if text.endswith(_SOURCE_SUFFIXES) and _ESLINT_FILE.match(text):
            current = text
        elif current:
            if _ESLINT_PROBLEM.match(text):
                return f"{current}:{text.strip()}"
            if text and not text[0].isspace():
                current = ""
        return text

    return rewrite


JAVASCRIPT = Family(
    "javascript",
    (
        rule("vitest-failure", r"^\s*FAIL\s+(?P<test>\S+ > .+?)\s*$", C, "failed_test", "section"),
        rule("jest-failure", r"^\s*● (?!Console\b)(?P<test>.+)$", C, "failed_test", "indent"),
        # TAP: YAML diagnostics are indented; Perl's Test::More comments ("#   Failed test", "#   at t/x.t line
        # 24.") start with "#" — but not the run's own counts ("# tests 5", "# fail 1").
        rule("tap-failure", r"^\s*not ok \d+ - (?P<test>.+?)(?: # .*)?$", C, "failed_test", "indent",
             r"^#(?! (?:tests|pass|fail|skip|todo|ok)\b)"),
        # Mocha numbers each failure twice: nested in the run (deeper) and in the failures list (two spaces).
        rule("mocha-failure", r"^ {2}(?P<label>\d+\) (?P<test>\S.*?)):?$", C, "failed_test", "section",
             title_lines=True),
        rule("node-spec-failure", r"^\s*✖ (?!failing tests:|\d+ problems?\b)(?P<test>.+?)(?: \([\d.]+m?s\))?$", C,
             "failed_test", "indent"),
        rule("tsc-error", r"^(?P<loc>\S+(?:\(\d+,\d+\)|:\d+:\d+)) ?[:-] error TS\d+: ", C, "compile_error", "indent"),
        rule("eslint-error", r"^(?P<loc>\S+:\d+:\d+)\s+error\s+", C, "lint_error"),
        rule("eslint-warning", r"^(?P<loc>\S+:\d+:\d+)\s+warning\s+", M, "warning"),
        rule("js-result", r"^(?:Tests|Test Suites|Snapshots):\s+\d|^\s*(?:Test Files|Tests)\s+\d+ (?:failed|passed)"
             r"|^\s*\d+ (?:passing|failing|pending)\b|^(?:# |ℹ )(?:tests|pass|fail) \d+|^✖ \d+ problems?",
             H, "summary"),
        rule("failed-suite", r"^\s?FAIL\s+\S+", H, "failed_suite"),
        rule("npm-error", r"^npm ERR! |^npm error ", H, "summary"),
    ),
    signals=("●", "✘", "✕", "×", "✖", "not ok", "passing", "error", "fail", "warn"),
    starts=r"\s*(?:Test Files|Tests|Test Suites|Snapshots):?\s|# (?:pass|fail|tests) | {2}\d+\) ",
    section_end=r"^⎯{3,}",
    indent_end=r"^\s?(?:PASS|FAIL)\s+\S|^\s*(?:Test Suites|Tests|Snapshots|Time|Test Files):?\s"
               r"|^\s*\d+ (?:passing|failing|pending)\b",
    rewriter=eslint_rewriter,
)
