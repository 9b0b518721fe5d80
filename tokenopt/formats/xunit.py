"""Numbered failure lists, the shape many runners share (PHPUnit, RSpec, Jasmine, …): a header says what the
list holds ("Failures:", "There were 2 errors:", "Pending:", "There was 1 skipped test:"), then ``1) name``
items, each with its message and stack under it. Items of a failure list are failures; items of a pending or
skipped list are not, whatever words they hold. Their result lines ("32 examples, 4 failures", "Tests: 32,
Assertions: 32, Errors: 2, Failures: 1.") and RSpec's rerun lines come with them.
"""
from __future__ import annotations

import re

from .rules import C, Family, H, L, Rewriter, rule

_FAILURE_LIST = re.compile(r"^(?:Failures|Errors|Failed tests|Failed examples):$|^There (?:was|were) \d+ "
                           r"(?:errors?|failures?):$")
_OTHER_LIST = re.compile(r"^(?:Pending|Skipped|Warnings)(?::| \()|^There (?:was|were) \d+ (?:skipped|incomplete|"
                         r"risky|warnings?|deprecations?)\b")
_LIST_END = re.compile(r"^(?:Finished in |Tests: \d+|\d+ (?:examples?|specs?)\b|ERRORS!|FAILURES!|OK \(|--$)")
_ITEM = re.compile(r"^\s*\d+\) \S")
FAILED_ITEM, OTHER_ITEM = "FAILED ITEM ", "LISTED ITEM "


def list_rewriter() -> Rewriter:
    """Marks each numbered item with the kind of list it is in, for the rules (events quote the line as is)."""
    kind = ""

    def rewrite(text: str) -> str:
        nonlocal kind
        if _FAILURE_LIST.match(text):
            kind = FAILED_ITEM
        elif _OTHER_LIST.match(text):
            kind = OTHER_ITEM
        elif _LIST_END.match(text):
            kind = ""
        elif kind and _ITEM.match(text):
            return kind + text.strip()
        return text

    return rewrite


XUNIT = Family(
    "xunit",
    (
        rule("list-failure", rf"^{FAILED_ITEM}(?P<label>\d+\) (?P<test>.+?)):?$", C, "failed_test", "section"),
        rule("list-other", rf"^{OTHER_ITEM}", L, "listed", "section"),
        rule("rspec-rerun", r"^rspec (?P<label>\./\S+:\d+) # (?P<test>.+)$", C, "failed_test"),
        rule("list-result", r"^\d+ (?:examples?|specs?|tests?), [1-9]\d* failures?|^Tests: \d+, Assertions: \d+.*"
             r"(?:Errors|Failures): [1-9]|^(?:ERRORS|FAILURES)!$", H, "summary"),
        rule("list-passed", r"^\d+ (?:examples?|specs?|tests?), 0 failures|^OK \(\d+ tests?", L, "summary"),
    ),
    signals=("item ", "rspec ./", "examples,", "specs,", "tests,", "tests:", "errors!", "failures!", "ok ("),
    starts=r"(?:FAILED|LISTED) ITEM ",
    section_end=rf"^(?:{FAILED_ITEM}|{OTHER_ITEM})|^(?:Failures|Errors|Pending|Failed examples):$"
                r"|^There (?:was|were) \d+ |^(?:Finished in |Tests: \d+|ERRORS!|FAILURES!|--$)"
                r"|^\d+ (?:examples?|specs?),",
    rewriter=list_rewriter,
)
