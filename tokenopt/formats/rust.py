"""Rust: cargo test (panics, assertion left/right, the failures list) and rustc diagnostics with codes."""
from __future__ import annotations

from .rules import C, Family, H, L, M, rule

_GUTTER = r"^\s*(?:-->|:::|\d*\s*\||= |\.\.\.$)|^(?:help|note): "

RUST = Family(
    "rust",
    (
        # a doctest is named by its file and line: "---- src/lib.rs - add (line 5) stdout ----"
        rule("cargo-section", r"^---- (?P<test>\S.*?) stdout ----$", C, "failed_test", "section"),
        rule("cargo-verbose", r"^(?P<label>test (?P<test>\S+) \.\.\. FAILED)$", C, "failed_test"),
        rule("rustc-error", r"^error(?:\[E\d{4}\])?: (?!aborting|could not compile|test failed)", C, "compile_error",
             "gutter", _GUTTER),
        rule("cargo-result", r"^test result: |^error: test failed|^error: could not compile", H, "summary"),
        # "warning: `crate` (lib test) generated 2 warnings" counts the warnings above it: context, not a warning.
        rule("cargo-warning-count",
             r"^warning: (?:`[^`]+` \([\w ]+\) generated \d+ warnings?|\d+ warnings? emitted)", L, "summary"),
        rule("rustc-warning", r"^warning: ", M, "warning", "gutter", _GUTTER),
    ),
    signals=("error", "fail", "warning", "panicked"),
    starts=r"---- |test result: ",
    section_end=r"^failures:$|^test result: ",
)
