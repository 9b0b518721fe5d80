"""The GitHub runner's own markers: ``##[error]`` and ``::error`` name the failed step, ``##[warning]`` warns."""
from __future__ import annotations

from .rules import Family, H, M, V, rule

RUNNER = Family(
    "runner",
    (
        rule("exit-code", r"Process completed with exit code [1-9]", H, "summary"),
        rule("runner-error", r"^(?:##\[error\]|::error\b)", H, "error"),
        rule("runner-warning", r"^(?:##\[warning\]|::warning\b)", M, "warning"),
        rule("runner-debug", r"^(?:##\[debug\]|::debug::)", V, "debug"),
    ),
    starts=r"##\[|::",
    section_end=r"^##\[(?:group|endgroup|error)\]",
    signals=("exit code",),
)
