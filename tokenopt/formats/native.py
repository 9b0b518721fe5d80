"""C and C++: gcc/clang diagnostics, the linker, make, cmake/ctest, and sanitizer reports."""
from __future__ import annotations

import re

from .rules import C, Family, H, L, M, rule

_RUN = re.compile(r"^\[ RUN      \] (\S+)")
GTEST_LINES = 12


class GTestAssertions:
    """GoogleTest prints a test's failed assertion (``file:line: Failure``, the expected and actual values) before
    its ``[  FAILED  ]`` line: keep it for the failure, as printed."""

    def __init__(self) -> None:
        self.running, self.lines = "", []  # type: tuple[str, list[str]]

    def see(self, text: str) -> None:
        if text.startswith("[ RUN"):
            started = _RUN.match(text)
            self.running, self.lines = (started.group(1), []) if started else ("", [])
        elif self.running and not text.startswith("[") and len(self.lines) < GTEST_LINES and text.strip():
            self.lines.append(text.strip())

    def take(self, test_id: str) -> list[str]:
        taken = self.lines if test_id == self.running else []
        self.running, self.lines = "", []
        return taken


_NOTES = r"^\S+:\d+(?::\d+)?: note: |^In file included from |^\s+from "

NATIVE = Family(
    "native",
    (
        rule("sanitizer-report", r"^==\d+==\s*ERROR: \w+Sanitizer: |^WARNING: ThreadSanitizer: ", C, "crash", "indent",
             r"^(?:\s*#\d+ |SUMMARY: \w+Sanitizer|[A-Z][\w ]+ of size \d+|0x[0-9a-f]+ is located|allocated by|"
             r"freed by|previously allocated|Shadow bytes|==\d+==)"),
        rule("ubsan", r"^(?P<loc>[^\s:][^:]*:\d+:\d+): runtime error: ", C, "crash"),
        rule("compiler-error", r"^(?P<loc>[^\s:][^:]*:\d+(?::\d+)?): (?:fatal )?error: ", C, "compile_error", "indent",
             _NOTES),
        rule("linker-error", r"undefined reference to |^(?:/\S*)?ld(?:\.\w+)?: .*(?:cannot find|multiple definition)"
             r"|^(?:collect2|clang(?:\+\+)?): error: ", C, "link_error"),
        rule("gtest-failure", r"^\[  FAILED  \] (?P<test>[\w/]+\.[\w/]+)(?: \(\d+ ms\)|, where .*)?$", C,
             "failed_test"),
        rule("gtest-result", r"^\[  FAILED  \] \d+ tests?, listed below:|^\s*\d+ FAILED TESTS?$", H, "summary"),
        rule("gtest-assertion", r"^\S+:\d+: Failure$", L, "assertion", "gutter", r"^(?!\[)"),
        rule("ctest-failure", r"^\s*\d+/\d+ Test\s+#\d+: (?P<test>\S+) \.*\s*\*+(?:Failed|Exception|Timeout|Not Run)",
             C, "failed_test"),
        # The list after "The following tests FAILED:" repeats what "Test #N: name ***Failed" said: a summary.
        rule("ctest-failed-list", r"^\s+\d+ - \S+ \((?:Failed|Timeout|SEGFAULT|Exception|Not Run|"
             r"Subprocess aborted|OTHER_FAULT|ILLEGAL|BUS_ERROR)\)", H, "summary"),
        rule("ctest-result", r"^\d+% tests passed, \d+ tests? failed|^The following tests FAILED:", H, "summary"),
        rule("sanitizer-summary", r"^SUMMARY: \w+Sanitizer: ", H, "summary"),
        rule("make-result", r"^(?:g?make|ninja)(?:\[\d+\])?: \*\*\* |^ninja: build stopped|^CMake Error", H, "summary"),
        rule("compiler-warning", r"^(?P<loc>[^\s:][^:]*:\d+(?::\d+)?): warning: ", M, "warning", "indent", _NOTES),
    ),
    signals=("error", "warning", "sanitizer", "undefined reference", "failed", "***", "/ld:", "collect2", "failure"),
    starts=r"==\d+==",
    carry=GTestAssertions,
)
