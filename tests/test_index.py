"""The cross-run index: new vs recurring vs fixed, atomic and bounded saves, corrupt files, merging, the CLI."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import FIXTURES

from tokenopt import index as index_store
from tokenopt.cli import main
from tokenopt.fingerprint import pattern_key
from tokenopt.model import Event, Pattern, Priority


def pattern(message: str, count: int = 1, priority: Priority = Priority.CRITICAL, location: str = "") -> Pattern:
    event = Event(priority, "error", message, "job.log", 1, location=location)
    event.key = pattern_key(event)
    return Pattern(event.key, event, count)


def test_first_seen_then_recurring_then_fixed():
    index = index_store.Index()
    boom, slow = pattern("KeyError: 'AB100'", location="src/a.py:3"), pattern("Timeout after 30 s", 2)
    first, fixed = index.record([boom, slow], now="2026-11-01T10:00:00Z")
    assert all(v.new for v in first.values()) and fixed == []
    again, fixed = index.record([pattern("KeyError: 'AB100'", location="src/a.py:3")], now="2026-11-02T10:00:00Z")
    verdict = again[boom.key]
    assert not verdict.new and verdict.runs_seen == 2
    assert verdict.history() == "seen in 2 of the last 2 runs since 2026-11-01"
    assert [entry.example for entry in fixed] == ["Timeout after 30 s"]
    entry = index.entries[verdict.id]
    assert entry.total_count == 2 and entry.first_seen == "2026-11-01T10:00:00Z"


def test_counts_stay_exact_when_old_runs_fold_out_of_the_window():
    index = index_store.Index()
    for day in range(index_store.MAX_RUNS + 7):
        index.record([pattern("disk full", count=3)], now=f"2026-10-{1 + day // 24:02d}T{day % 24:02d}:00:00Z")
    entry = next(iter(index.entries.values()))
    assert len(index.runs) == index_store.MAX_RUNS
    assert entry.runs_seen == index_store.MAX_RUNS + 7 and entry.total_count == 3 * (index_store.MAX_RUNS + 7)


def test_the_index_is_bounded_and_never_evicts_this_runs_patterns():
    index = index_store.Index()
    index.record([pattern(f"old error number {word}") for word in "abcdefgh"], now="2026-11-01T00:00:00Z")
    now = [pattern(f"new error kind {word}") for word in "xyz"]
    verdicts, _ = index.record(now, now="2026-11-02T00:00:00Z", max_patterns=5)
    assert len(index.entries) == 5
    assert {v.id for v in verdicts.values()} <= set(index.entries)


def test_save_then_load_is_the_identity(tmp_path: Path):
    index = index_store.Index()
    index.record([pattern("TypeError: x is undefined", 4), pattern("warning: unused", 1, Priority.MEDIUM)],
                 summaries=True)
    index_store.save(index, tmp_path / "deep" / "index.json")
    assert index_store.load(tmp_path / "deep" / "index.json").to_json() == index.to_json()


messages = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60),
                    min_size=1, max_size=8, unique=True)


def round_trip_property(examples: int):
    @settings(max_examples=examples, deadline=None)
    @given(runs=st.lists(messages, min_size=1, max_size=4))
    def check(tmp_path_factory: pytest.TempPathFactory, runs: list[list[str]]) -> None:
        path = tmp_path_factory.mktemp("idx") / "index.json"
        index = index_store.Index()
        for n, run in enumerate(runs):
            index.record([pattern(text, n + 1) for text in run], now=f"2026-11-0{n + 1}T00:00:00Z")
        index_store.save(index, path)
        assert index_store.load(path).to_json() == index.to_json()
    return check


test_round_trip_property = round_trip_property(60)
test_round_trip_property_slow = pytest.mark.slow(round_trip_property(10_000))


@pytest.mark.parametrize("content, reason", [
    (b"{not json", "unreadable"),
    (b'{"schema": "tokenopt-index", "version": 99, "runs": [], "patterns": []}', "newer than this tokenopt"),
    (b'{"schema": "tokenopt-index", "version": 1, "runs": [{"nope": 1}], "patterns": []}', "unreadable"),
    (b"\x00\xff\xfe binary", "unreadable"),
])
def test_a_corrupt_or_newer_index_is_moved_aside_with_a_note(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "index.json"
    path.write_bytes(content)
    loaded = index_store.load(path)
    assert loaded.entries == {} and len(loaded.notes) == 1 and reason in loaded.notes[0]
    aside = [p for p in tmp_path.iterdir() if p.name != "index.json"]
    assert len(aside) == 1 and aside[0].read_bytes() == content  # nothing lost
    assert not path.exists()


def test_merge_of_parallel_jobs_counts_each_run_once():
    base = index_store.Index()
    base.record([pattern("flaky network", 2)], now="2026-11-01T00:00:00Z")
    job_a = index_store.Index.from_json(json.loads(json.dumps(base.to_json())))
    job_b = index_store.Index.from_json(json.loads(json.dumps(base.to_json())))
    job_a.record([pattern("flaky network", 5)], now="2026-11-02T00:00:00Z")
    job_b.record([pattern("flaky network", 7), pattern("segfault in b")], now="2026-11-02T00:00:01Z")
    merged = index_store.merge([job_a, job_b])
    flaky = merged.entries[index_store.short_id(pattern("flaky network").key)]
    assert flaky.total_count == 2 + 5 + 7 and flaky.runs_seen == 3
    assert len(merged.runs) == 3 and len(merged.entries) == 2


_SAVER = """
import sys
from tokenopt import index as store
from tokenopt.model import Event, Pattern, Priority
index = store.Index()
index.record([Pattern(f"k{n}", Event(Priority.HIGH, "error", f"error number {n} " + "x" * 200, "a", 1))
              for n in range(3000)])
print("ready", flush=True)
while True:
    store.save(index, sys.argv[1])
"""


def test_kill_9_during_saves_leaves_a_loadable_index(tmp_path: Path):
    path = tmp_path / "index.json"
    saver = subprocess.Popen([sys.executable, "-c", _SAVER, str(path)], stdout=subprocess.PIPE)
    try:
        assert saver.stdout is not None and saver.stdout.readline().strip() == b"ready"
        time.sleep(0.3)  # let several saves overlap the kill
    finally:
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait()
    loaded = index_store.load(path)
    assert loaded.notes == [] and len(loaded.entries) == 3000


def test_cli_marks_new_and_recurring_and_lists_fixed(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    pytest_log, jest_log = str(FIXTURES / "pytest" / "failures.log"), str(FIXTURES / "jest" / "failures.log")
    index = str(tmp_path / "index.json")

    def run(*logs: str) -> dict:
        args = [arg for log in logs for arg in ("--log-file", log)]
        assert main([*args, "--index", index, "--format", "json", "--out", "-"]) == 0
        out = capsys.readouterr().out
        return json.loads(out[: out.rindex("}") + 1])

    first = run(pytest_log)
    assert all(e["new"] and e["runs_seen"] == 1 and len(e["id"]) == 10 for e in first["events"]
               if e["priority"] == "critical")
    second = run(pytest_log, jest_log)
    critical = {e["test_id"]: e for e in second["events"] if e["priority"] == "critical"}
    assert not critical["tests/test_invoice.py::test_total_with_discount"]["new"]
    assert critical["cart › summarize applies coupon"]["new"]
    assert re.search(r"\*\*new\*\* `[^`]*cart › summarize applies coupon", second["digest"])
    assert "seen in 2 of the last 2 runs since" in second["digest"]
    third = run(jest_log)
    assert "## Fixed since the last run (3)" in third["digest"]
    assert "test_invoice_with_dashed_sku" in third["digest"].split("## Fixed since the last run")[1]


def test_index_show_and_merge_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    left, right = index_store.Index(), index_store.Index()
    left.record([pattern("AssertionError: 1 != 2")], now="2026-11-01T00:00:00Z")
    right.record([pattern("AssertionError: 1 != 2"), pattern("E0308 mismatched types")], now="2026-11-02T00:00:00Z")
    index_store.save(left, tmp_path / "a.json")
    index_store.save(right, tmp_path / "b.json")
    assert main(["index", "merge", str(tmp_path / "m.json"), str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 0
    assert "2 patterns, 2 runs" in capsys.readouterr().out
    assert main(["index", "show", str(tmp_path / "m.json")]) == 0
    shown = capsys.readouterr().out
    assert "E0308 mismatched types" in shown and "2 patterns over 2 remembered runs" in shown
    assert main(["index", "nonsense"]) == 2
    assert "see python -m tokenopt index --help" in capsys.readouterr().err


def test_merging_a_missing_index_is_an_error_not_a_quiet_loss(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    assert main(["index", "merge", str(tmp_path / "m.json"), str(tmp_path / "typo.json")]) == 2
    assert "typo.json: no such file" in capsys.readouterr().err and not (tmp_path / "m.json").exists()
