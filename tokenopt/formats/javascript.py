"""JavaScript and TypeScript: jest, vitest, mocha, node:test (TAP and spec), tsc and eslint."""
from __future__ import annotations

import re

from .rules import C, Family, H, L, M, Rewriter, rule

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
        # Mocha numbers each failure twice: nested in the run (deeper) and in the failures list (two spaces).
        rule("mocha-failure", r"^ {2}(?P<label>\d+\) (?P<test>\S.*?)):?$", C, "failed_test", "section",
             title_lines=True),
        rule("node-spec-failure", r"^\s*✖ (?!failing tests:|\d+ problems?\b)(?P<test>.+?)(?: \([\d.]+m?s\))?$", C,
             "failed_test", "indent"),
        # karma: "<browser> (<platform>) <spec> FAILED", the expectation and stack tab-indented under it; its
        # progress line ("Executed 5 of 13 (2 FAILED)") is context, its TOTAL a result.
        rule("karma-failure", r"^(?P<browser>[A-Z][\w .]+?) \([^)]*\) (?!Executed )(?P<test>\S.*?) FAILED$", C,
             "failed_test", "indent"),
        rule("karma-progress", r"^[A-Z][\w .]+? \([^)]*\): Executed \d+ of \d+", L, "progress"),
        rule("karma-result", r"^TOTAL: \d+ FAILED, \d+ SUCCESS", H, "summary"),
        rule("tsc-error", r"^(?P<loc>\S+(?:\(\d+,\d+\)|:\d+:\d+)) ?[:-] error TS\d+: ", C, "compile_error", "indent"),
        rule("eslint-error", r"^(?P<loc>\S+:\d+:\d+)\s+error\s+", C, "lint_error"),
        rule("eslint-warning", r"^(?P<loc>\S+:\d+:\d+)\s+warning\s+", M, "warning"),
        rule("js-result", r"^(?:Tests|Test Suites|Snapshots):\s+\d|^\s*(?:Test Files|Tests)\s+\d+ (?:failed|passed)"
             r"|^\s*\d+ (?:passing|failing|pending)\b|^✖ \d+ problems?",
             H, "summary"),
        rule("failed-suite", r"^\s?FAIL\s+\S+", H, "failed_suite"),
        rule("npm-error", r"^npm ERR! |^npm error ", H, "summary"),
    ),
    signals=("●", "✘", "✕", "×", "✖", "passing", "error", "fail", "warn", "executed", "total:"),
    starts=r"\s*(?:Test Files|Tests|Test Suites|Snapshots):?\s| {2}\d+\) ",
    section_end=r"^⎯{3,}",
    indent_end=r"^\s?(?:PASS|FAIL)\s+\S|^\s*(?:Test Suites|Tests|Snapshots|Time|Test Files):?\s"
               r"|^\s*\d+ (?:passing|failing|pending)\b",
    rewriter=eslint_rewriter,
)
