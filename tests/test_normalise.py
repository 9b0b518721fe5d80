"""Normalising keeps the log's own characters and removes every terminal escape, whatever its family."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tokenopt.normalise import normalise


@pytest.mark.parametrize("raw, seen", [
    ("\x1b[31mFAILED\x1b[0m test_a\r\n", "FAILED test_a"),
    ("src/a.py:3: \x1b[1m\x1b[31merror:\x1b(B\x1b[m Incompatible types", "src/a.py:3: error: Incompatible types"),
    ("see \x1b]8;;https://docs.rs/x\x1b\\the docs\x1b]8;;\x1b\\ now", "see the docs now"),
    ("see \x1b]8;;https://docs.rs/x\x07the docs\x1b]8;;\x07 now", "see the docs now"),
    ("\x1bP1$r0m\x1b\\kept", "kept"),  # DCS string
    ("\x1b_apc payload\x1b\\kept", "kept"),  # APC string
    ("\x1b7saved\x1b8", "saved"),  # two-byte escapes
    ("\x1b)0\x1b(Bline", "line"),  # charset designations
    ("8-bit \x9b1mCSI\x9b0m", "8-bit CSI"),
    ("^[[38;5;9mnot ok 3 - parses^[[0m^M", "not ok 3 - parses"),  # saved with cat -v
    ("^[(B^[[mplain", "plain"),
    ("bell\x07 and backspace\x08", "bell and backspace"),
    ("Downloading 10%\rDownloading 55%\rDownloading 100%\n", "Downloading 100%"),
    ("2026-11-20T10:15:32.1234567Z ##[group]Run pytest\n", "##[group]Run pytest"),
    ("section_start:1700000000:step_script\r\x1b[0KExecuting \"step_script\" stage",
     "section_start:1700000000:step_script Executing \"step_script\" stage"),
    ("travis_fold:start:install\r\x1b[0K", "travis_fold:start:install"),
])
def test_escapes_go_and_the_text_stays(raw: str, seen: str):
    assert normalise(raw) == seen


@pytest.mark.parametrize("text", [
    "grep -E '^[[:space:]]*#' setup.cfg",  # a regex, not an escape
    "tab\tseparated\tcolumns",
    "naïve café — ünïcode ✓ ✗ ×",
    "price ^M is not a carriage return here",
])
def test_ordinary_text_is_untouched(text: str):
    assert normalise(text) == text


@given(st.text().map(lambda t: t.replace("\n", " ")))  # the reader hands over one line at a time
def test_no_escape_or_control_character_survives(text: str):
    out = normalise(text)
    assert not any(ch == "\x1b" or ("\x80" <= ch <= "\x9f") or (ch < " " and ch != "\t") for ch in out)
