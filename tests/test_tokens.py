"""Offline, hash-checked encodings and the labelled estimate."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tokenopt.errors import EncodingUnavailableError
from tokenopt.tokens import candidate_files, load_counter


def bundled_cl100k() -> Path:
    return next(p for p in candidate_files("cl100k_base") if p.is_file())


def test_counts_are_cl100k_and_special_tokens_are_plain_text(counter):
    assert counter.exact
    assert counter.encode("hello world") == [15339, 1917]  # the published cl100k_base ids
    assert counter.count("<|endoftext|>") > 1  # counted as text, never as the special token


def test_a_file_with_the_wrong_hash_is_never_used(tmp_path: Path):
    bad = tmp_path / "o200k_base.tiktoken"
    shutil.copy(bundled_cl100k(), bad)  # right format, wrong content for o200k
    load_counter.cache_clear()
    with pytest.raises(EncodingUnavailableError, match="no offline copy"):
        load_counter("o200k_base", (str(tmp_path),))


def test_a_directory_copy_is_found_by_name(tmp_path: Path):
    shutil.copy(bundled_cl100k(), tmp_path / "cl100k_base.tiktoken")
    load_counter.cache_clear()
    assert load_counter("cl100k_base", (str(tmp_path),)).count("hello world") == 2


def test_unknown_encoding_and_the_labelled_estimate():
    with pytest.raises(EncodingUnavailableError, match="unknown encoding"):
        load_counter("p99k_base")
    estimate = load_counter("o200k_base", ("/nonexistent",), allow_estimate=True)
    if estimate.exact:
        pytest.skip("o200k_base is installed here")
    assert estimate.count("x" * 26) == 13  # conservative: 2 bytes per token, logs average ~2.6 chars
