"""The digest quotes the log: every line it shows is the log's own text (or a marker of the digest's own), in
the text digest, the JSON events and the Markdown digest's code; nothing is escaped, masked or inserted.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES

from tokenopt import EnhancedTokenOptimizer
from tokenopt.normalise import normalise

# Real lines from real tools, to be mixed with made-up ones.
REAL = [line for path in sorted(FIXTURES.glob("*/*.log"))[:12]
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]]
words = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
number = st.integers(-5, 5000).map(str)
line = st.one_of(
    st.sampled_from(REAL),
    st.builds("{} error: {} at line {}".format, words, words, number),
    st.builds("# at t/01-parse.t line {}.".format, number),  # folds whose values differ
    st.builds("not ok {} - {}".format, number, words),
    st.builds("\x1b[31mFAILED\x1b[0m\x1b(B {} \x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\".format, words),
    st.builds("Expected: {} Which is: {}".format, number, number),
    st.builds("10.0.0.{} - - \"GET /api/{} HTTP/1.1\" {} 512".format, number, words, st.sampled_from(["200", "502"])),
    st.builds("  <b>{}</b> & `{}` @{} #{}".format, words, words, words, number),
    st.just("##[error]Process completed with exit code 1."),
    st.builds('{{"Time":"2026-11-20T10:15:32Z","Action":"output","Package":"x","Output":"{}\\n"}}'.format,
              st.sampled_from(["ok  \\texample.com/x\\t0.01s", "    x_test.go:12: got 1, want 2",
                               "--- FAIL: TestX (0.00s)"])),
    words,
)
# What the text digest writes of its own: headings, counts, locations, notes and markers.
OWN_LINE = re.compile(r"^(?:CI log digest: |\d+ inputs?, |By type: |== |-- |Left out to fit the budget: |Left out: "
                      r"|note: |\(ESTIMATED counts|… .* …$|\[varies: |\[digest cut|…\[digest cut)")
PREFIX = re.compile(r"^(?:\[new\] )?(?:x\d+ )?")
SUFFIX = re.compile(r"(?: \(at [^()]+\))?(?: \[[^\]]+\])?$")


def digest(lines: list[str], budget: int, fmt: str) -> dict:
    with tempfile.TemporaryDirectory() as work:
        log = Path(work) / "job.log"
        log.write_text("\n".join(lines), encoding="utf-8")
        summary, _ = EnhancedTokenOptimizer(max_token_budget=budget, out=str(Path(work) / "d.json"), format="json",
                                            index="").process_logs(str(log)) if fmt == "json" else \
            EnhancedTokenOptimizer(max_token_budget=budget, out=str(Path(work) / "d.txt"), format="text",
                                   index="").process_logs(str(log))
    return summary


def as_read(lines: list[str]) -> list[str]:
    """The input as tokenopt reads it: normalised lines, and the strings a JSON record holds (go test -json's
    Output is the tool's own line, escaped: decoding it changes no character)."""
    read = [normalise(text) for raw in lines for text in raw.split("\n")]
    for text in list(read):
        if text.startswith("{"):
            try:
                record = json.loads(text)
            except ValueError:
                continue
            if isinstance(record, dict):
                read += [part for value in record.values() if isinstance(value, str) for part in value.split("\n")]
    return read


def quoted(text: str, read: list[str]) -> bool:
    text = text.removesuffix(" …").strip()
    return not text or any(text in line for line in read)


def check_text_digest(text: str, read: list[str]) -> None:
    for shown in text.splitlines():
        body = shown[4:] if shown.startswith("    ") else shown
        if not shown.strip() or OWN_LINE.match(shown) or OWN_LINE.match(body.strip()):
            continue
        candidates = {body, PREFIX.sub("", body), SUFFIX.sub("", PREFIX.sub("", body))}
        assert any(quoted(c, read) for c in candidates), f"not the log's text: {shown!r}"


def check_nothing_inserted(text: str, raw: str) -> None:
    for inserted in ("\x1b", "&gt;", "&lt;", "&amp;", "\u200b", "\u2060"):
        assert inserted not in text or inserted in raw, f"{inserted!r} in the digest, not in the log"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=80), st.sampled_from([120, 400, 1500, 6000]))
def test_every_line_the_text_digest_quotes_is_the_logs_own(lines: list[str], budget: int):
    read = as_read(lines)
    summary = digest(lines, budget, "text")
    check_text_digest(summary["digest"], read)
    check_nothing_inserted(summary["digest"], "\n".join(lines))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=80), st.sampled_from([300, 2000]))
def test_json_events_hold_the_logs_characters(lines: list[str], budget: int):
    read = as_read(lines)
    summary = digest(lines, budget, "json")
    for event in summary["events"]:
        assert quoted(event["message"], read), event
    check_nothing_inserted(json.dumps(summary, ensure_ascii=False), "\n".join(lines))


@pytest.mark.parametrize("values, shown", [
    ([24, 34, 48, 51], "# at t/01-parse.t line 34."),  # a fold shows every distinct value, not the first one's
])
def test_a_fold_never_passes_off_one_value_as_all(values: list[int], shown: str):
    noise = [f"step {n}: compiled module_{n} in {n % 7}.{n % 10}s" for n in range(400)]
    lines = noise + ["not ok 1 - parses"] + [f"# at t/01-parse.t line {n}." for n in values] + noise
    text = digest(lines, 600, "text")["digest"]
    assert "not ok 1 - parses" in text and all(str(n) in text for n in values), text
