"""C and C++: gcc/clang diagnostics, the linker, make, cmake/ctest, and sanitizer reports."""
from __future__ import annotations

from .rules import C, Family, H, M, rule

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
    signals=("error", "warning", "sanitizer", "undefined reference", "failed", "***", "/ld:", "collect2"),
    starts=r"==\d+==",
)
