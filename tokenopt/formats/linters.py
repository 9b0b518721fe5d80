"""Linters and type checkers: mypy, ruff, flake8, pylint (tsc and eslint live with JavaScript)."""
from __future__ import annotations

from .rules import C, Family, H, M, rule

# ruff's default output names the rule first and the location on the next line, rustc-style.
_RUFF_GUTTER = r"^\s*(?:-->|\d*\s*\||= |help: |\.\.\.$)"

LINTERS = Family(
    "linters",
    (
        # mypy wraps a long message (and --pretty quotes the source) over indented lines: they belong to it.
        rule("mypy-error", r"^(?P<loc>[^\s:][^:]*\.pyi?:\d+(?::\d+)?): error: ", C, "type_error", "indent"),
        rule("mypy-note", r"^(?P<loc>[^\s:][^:]*\.pyi?:\d+(?::\d+)?): note: ", M, "note"),
        rule("pylint-error", r"^(?P<loc>[^\s:][^:]*\.py:\d+:\d+): [EF]\d{4}: ", C, "lint_error"),
        rule("pylint-message", r"^(?P<loc>[^\s:][^:]*\.py:\d+:\d+): [WCRI]\d{4}: ", H, "lint"),
        rule("flake8-ruff-concise", r"^(?P<loc>[^\s:][^:]*:\d+:\d+): [A-Z]{1,4}\d{1,4}\b", C, "lint_error"),
        # "SHA256 digest of …" has the shape of a rule code too: only a code followed by ruff's gutter counts.
        rule("ruff-full", r"^(?:[A-Z]{1,4}\d{2,4}|invalid-syntax)(?: \[\*\])? \S", C, "lint_error", "gutter",
             _RUFF_GUTTER, needs_body=True),
        rule("lint-result", r"^(?:Found \d+ errors? in \d+ files?|Success: no issues found|Found \d+ errors?\.?$|"
             r"Your code has been rated at |\d+ files? (?:would be )?reformatted)", H, "summary"),
    ),
    signals=("error", "found ", "rated at", "reformatted"),
    starts=r"[^\s:][^:]*:\d+:\d+: [A-Z]|[A-Z]{1,4}\d{2,4} ",
)
