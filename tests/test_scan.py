"""Bulk reading of large inputs: the failures found are those a line-by-line read finds, whatever is skipped."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from support import ROOT

from tokenopt.formats import FAMILIES
from tokenopt.model import Priority
from tokenopt.processor import StreamLogProcessor
from tokenopt.scan import Anchors, _hyperscan, _stdlib, anchors_for

CASES = ROOT / "bench" / "corpus" / "cases"
FAILING = ["py-pytest-basic", "go-test-failures", "gha-phpunit-10-failures-then-always-step", "js-jest-basic",
           "rust-cargo-test-panics", "java-junit-assertions", "tap-bats-cli", "c-make-gcc-errors"]


def big_log(tmp_path: Path) -> Path:
    """Real passing output (the corpus's 6,000 passing go subtests) with real failing logs planted in it."""
    passing = gzip.decompress((CASES / "go-test-buried-6000-subtests" / "job.log.gz").read_bytes())
    passing = b"".join(line for line in passing.splitlines(True) if b"FAIL" not in line and b"parse_test" not in line)
    log = tmp_path / "big.log"
    with log.open("wb") as out:
        for case in FAILING:
            out.write(passing)
            out.write((CASES / case / "job.log").read_bytes())
        out.write(passing)
    return log


def failures(collected) -> set[tuple[str, str]]:
    return {(p.event.kind, p.event.message) for p in collected.patterns
            if p.priority >= Priority.HIGH and p.event.kind not in ("summary", "verdict")}


def test_bulk_reading_finds_the_failures_reading_every_line_finds(tmp_path: Path):
    log = big_log(tmp_path)
    every_line = StreamLogProcessor(bulk_bytes=1 << 40).process(str(log))
    bulk = StreamLogProcessor(bulk_bytes=0).process(str(log))
    assert bulk.input_lines == every_line.input_lines and bulk.input_bytes == every_line.input_bytes
    assert failures(bulk) == failures(every_line)
    assert len([p for p in bulk.patterns if p.priority == Priority.CRITICAL]) >= 20
    assert abs(bulk.input_tokens - every_line.input_tokens) / every_line.input_tokens < 0.25  # sampled


def test_a_gzipped_input_is_read_in_bulk_alike(tmp_path: Path):
    log = big_log(tmp_path)
    packed = tmp_path / "big.log.gz"
    packed.write_bytes(gzip.compress(log.read_bytes(), compresslevel=1))
    plain = StreamLogProcessor(bulk_bytes=0).process(str(log))
    assert failures(StreamLogProcessor(bulk_bytes=0).process(str(packed))) == failures(plain)


@pytest.mark.skipif(_hyperscan([b"x"], []) is None, reason="hyperscan is not installed")
def test_hyperscan_and_the_standard_library_find_the_same_lines(tmp_path: Path):
    anchors = anchors_for(FAMILIES)
    data = big_log(tmp_path).read_bytes()
    fallback = Anchors.__new__(Anchors)
    fallback._scan = _stdlib(anchors.words, anchors.starts)
    assert anchors.lines(data) == fallback.lines(data)
