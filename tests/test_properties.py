"""Properties over generated logs: the budget is never exceeded, failures survive, the reader never raises."""
from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokenopt import EnhancedTokenOptimizer
from tokenopt.reader import LineReader, Source
from tokenopt.tokens import load_counter

COUNTER = load_counter("cl100k_base")
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
names = st.from_regex(r"test_[a-z]{1,8}_[0-9]{1,3}", fullmatch=True)

line = st.one_of(
    st.builds("FAILED tests/test_{}.py::{} - AssertionError: {}".format, names, names, words),
    st.builds("_____ {} _____".format, names),
    st.builds("E       assert {} == {}".format, st.integers(), st.integers()),
    st.just("Traceback (most recent call last):"),
    st.builds('  File "src/app_{}.py", line {}, in run'.format, st.integers(0, 9), st.integers(1, 999)),
    st.builds("ValueError: {}".format, words),
    st.builds("{}:{}:5: error: {}".format, st.sampled_from(["a.c", "b/c.rs", "x.go"]), st.integers(1, 99), words),
    st.builds("warning: {}".format, words),
    st.builds("2026-11-20T10:15:32.1234567Z INFO {}".format, words),
    st.builds("DEBUG {}".format, words),
    st.just("<|endoftext|> ##[error]Process completed with exit code 1."),
    st.builds(lambda n: "x" * n, st.integers(0, 3000)),
    words,
)
logs = st.lists(line, max_size=120)


def run(lines: list[str], budget: int) -> dict:
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "job.log")
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write("\n".join(lines))
        summary, written = EnhancedTokenOptimizer(max_token_budget=budget, out=os.path.join(work, "d.md"),
                                                  format="markdown", index="").process_logs(path)
        with open(written, encoding="utf-8") as stream:
            assert COUNTER.count(stream.read()) == summary["tokens"]
    return summary


def budget_property(examples: int):
    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(logs, st.integers(50, 100_000))
    def check(lines: list[str], budget: int) -> None:
        assert run(lines, budget)["tokens"] <= budget
    return check


def critical_property(examples: int):
    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(names, min_size=1, max_size=6, unique=True), logs, st.integers(1_000, 100_000))
    def check(failed: list[str], noise: list[str], budget: int) -> None:
        lines = list(noise)
        for n, name in enumerate(failed):
            lines.insert((n * 37) % (len(lines) + 1), f"FAILED tests/test_mod.py::{name} - assert 1 == 2")
        digest = run(lines, budget)["digest"]
        assert all(name in digest for name in failed)
    return check


test_budget_is_never_exceeded = budget_property(60)
test_failed_tests_survive_when_they_fit = critical_property(30)
test_budget_is_never_exceeded_slow = pytest.mark.slow(budget_property(10_000))
test_failed_tests_survive_when_they_fit_slow = pytest.mark.slow(critical_property(10_000))


def reader_property(examples: int):
    # Bytes as they come, and bytes behind a zip's or a gzip's magic (a cut or forged archive, read from its
    # local headers when it has no directory), and behind a hole of NULs.
    @settings(max_examples=examples, deadline=None)
    @given(st.sampled_from([b"", b"PK\x03\x04", b"\x1f\x8b", b"\x00" * 9000]), st.binary(max_size=4096))
    def check(prefix: bytes, data: bytes) -> None:
        data = prefix + data
        with tempfile.NamedTemporaryFile(suffix=".log") as handle:
            handle.write(data)
            handle.flush()
            reader = LineReader(256, lambda text: text)
            for chunk in reader.chunks([Source(handle.name, __import__("pathlib").Path(handle.name))], 50):
                assert all("\n" not in line.text for line in chunk)
    return check


test_reader_never_raises_on_arbitrary_bytes = reader_property(200)
test_reader_never_raises_on_arbitrary_bytes_slow = pytest.mark.slow(reader_property(10_000))
