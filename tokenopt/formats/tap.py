"""TAP, whoever prints it (Perl's prove, bats, node's tape, node:test): ``not ok N - name`` with its YAML or
``#`` diagnostics. Perl's Test::More prints its diagnostics on stderr, before the ``not ok`` line they explain:
they are carried to it."""
from __future__ import annotations

import re
from collections import OrderedDict

from .rules import C, Family, H, L, rule

_FAILED_TEST = re.compile(r"^#\s+Failed test (?:'(?P<q>.*)'|(?P<bare>.*\S))\s*$")
_DIAGNOSTIC = re.compile(r"^#\s{2,}\S")
REMEMBERED, LINES_PER_TEST = 64, 6


class Diagnostics:
    """Test::More's ``#   Failed test 'name'`` and the ``#`` lines under it, kept by name for the ``not ok``."""

    def __init__(self) -> None:
        self.kept: OrderedDict[str, list[str]] = OrderedDict()
        self.current = ""

    def see(self, text: str) -> None:
        if not text.startswith("#"):
            self.current = ""
            return
        failed = _FAILED_TEST.match(text)
        if failed:
            self.current = failed.group("q") if failed.group("q") is not None else failed.group("bare")
            self.kept[self.current] = [text.strip()]
            while len(self.kept) > REMEMBERED:
                self.kept.popitem(last=False)
        elif self.current and _DIAGNOSTIC.match(text) and len(self.kept[self.current]) < LINES_PER_TEST:
            self.kept[self.current].append(text.strip())

    def take(self, test_id: str) -> list[str]:
        return self.kept.pop(test_id, [])


TAP = Family(
    "tap",
    (
        # YAML diagnostics are indented; Test::More's and bats' "#" comments follow the line too — but not the
        # run's own counts ("# tests 5", "# fail 1").
        rule("tap-failure", r"^\s*not ok \d+(?: -)? (?P<test>.+?)(?: # (?!TODO).*)?$", C, "failed_test", "indent",
             r"^#(?! (?:tests|pass|fail|skip|todo|ok|Subtest:?)\b)"),  # "# Subtest:" heads the next test
        rule("tap-todo", r"^\s*not ok \d+.* # TODO", L, "todo"),
        rule("tap-result", r"^(?:# |ℹ )(?:tests|pass|fail) \d+|^Result: (?:FAIL|PASS)|^Files=\d+, Tests=\d+"
             r"|^Failed \d+/\d+ (?:subtests|test programs)|^\d+ tests?, \d+ failures?", H, "summary"),
    ),
    signals=("not ok", "# tests", "# pass", "# fail", "result:", "files=", "failed test", "subtests", "failures"),
    starts=r"\s*not ok |# |ℹ ",
    carry=Diagnostics,
)
