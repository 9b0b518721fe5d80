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
    verdict = again[boom.id]
    assert not verdict.new and verdict.runs_seen == 2 and verdict.state == "recurring"
    assert verdict.history() == "2nd run"
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


def test_the_index_is_bounded_the_oldest_go_first():
    index = index_store.Index()
    index.record([pattern(f"old error number {word}") for word in "abcdefgh"], now="2026-11-01T00:00:00Z")
    now = [pattern(f"new error kind {word}") for word in "xyz"]
    verdicts, _ = index.record(now, now="2026-11-02T00:00:00Z", max_patterns=5)
    assert len(index.entries) == 5
    assert set(verdicts) <= set(index.entries)


def test_the_pattern_limit_is_a_hard_limit_even_for_one_run():
    index = index_store.Index()
    index.record([pattern(f"error kind {word}", priority=Priority.HIGH) for word in "abcdefghijklmnopqrstuvwxyz"]
                 + [pattern("the failure")], max_patterns=5)
    assert len(index.entries) == 5 and "the failure" in {e.example for e in index.entries.values()}


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
    (b'{"schema": "tokenopt-index", "version": 99, "jobs": []}', "newer than this tokenopt"),
    (b'{"schema": "tokenopt-index", "version": 2, "fingerprint_version": 1, "jobs": [{"nope": 1}]}', "unreadable"),
    (b'{"schema": "tokenopt-index", "version": 1, "fingerprint_version": 1, "runs": [], "patterns": []}',
     "mixes every job's runs"),
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
    index_store.save(loaded, path)  # and the next save removes what the killed one left half-written
    assert [p.name for p in tmp_path.iterdir()] == ["index.json"]


def test_cli_marks_new_and_recurring_and_lists_fixed(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    pytest_log, jest_log = str(FIXTURES / "pytest" / "failures.log"), str(FIXTURES / "jest" / "failures.log")
    index = str(tmp_path / "index.json")

    def run(*logs: str) -> dict:
        args = [arg for log in logs for arg in ("--log-file", log)]
        assert main([*args, "--index", index, "--job", "ci", "--format", "json", "--out", "-"]) == 0
        out = capsys.readouterr().out
        return json.loads(out[: out.rindex("}") + 1])

    first = run(pytest_log)  # one job ("ci") reading other logs over time
    assert all(e["new"] and e["runs_seen"] == 1 and len(e["id"]) == 10 for e in first["events"]
               if e["priority"] == "critical")
    second = run(pytest_log, jest_log)
    critical = {e["test_id"]: e for e in second["events"] if e["priority"] == "critical"}
    assert not critical["tests/test_invoice.py::test_total_with_discount"]["new"]
    assert critical["cart › summarize applies coupon"]["new"]
    assert re.search(r"\*\*new\*\* `[^`]*cart › summarize applies coupon", second["digest"])
    assert "2nd run" in second["digest"]
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


_JOB = """
import sys, time
from pathlib import Path
from tokenopt import EnhancedTokenOptimizer
index, log, start = sys.argv[1:]
while not Path(start).exists():
    time.sleep(0.005)
for _ in range(10):
    EnhancedTokenOptimizer(index=index, out="/dev/null", log_file=[log]).run()
"""


def test_four_jobs_writing_one_index_at_once_keep_every_run(tmp_path: Path):
    index, start = tmp_path / "index.json", tmp_path / "go"
    log = str(FIXTURES / "pytest" / "failures.log")
    jobs = [subprocess.Popen([sys.executable, "-c", _JOB, str(index), log, str(start)]) for _ in range(4)]
    start.touch()
    assert [job.wait(timeout=300) for job in jobs] == [0, 0, 0, 0]
    loaded = index_store.load(index)
    failures = [e for e in loaded.entries.values() if e.priority == "critical"]
    assert loaded.notes == [] and len(failures) == 3
    assert [e.runs_seen for e in failures] == [40, 40, 40]
    assert len(loaded.runs) == index_store.MAX_RUNS


def test_a_save_cleans_temp_files_left_by_a_killed_save(tmp_path: Path):
    path = tmp_path / "index.json"
    left = tmp_path / ".index.json.k1ll3d.tmp"  # what kill -9 inside the save window leaves
    left.write_bytes(b"{" + b" " * 100_000)
    other = tmp_path / ".notes.txt.tmp"  # not ours: kept
    other.write_text("x")
    index_store.save(index_store.Index(), path)
    assert not left.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == [".notes.txt.tmp"]


def entry_json(**changes) -> dict:
    entry = {"id": "a1b2c3d4e5", "key": "k", "kind": "error", "priority": "critical", "template": "t", "example": "e",
             "location": "", "test_id": "", "summary": "", "first_seen": "2026-11-01T00:00:00Z",
             "last_seen": "2026-11-01T00:00:00Z", "counts": {"r1": 2}, "older_runs": 0, "older_count": 0}
    return {**entry, **changes}


def index_json(patterns: list, runs: list | None = None, **changes) -> bytes:
    runs = [{"id": "r1", "time": "2026-11-01T00:00:00Z", "label": "", "patterns": 1}] if runs is None else runs
    document = {"schema": "tokenopt-index", "version": 2, "fingerprint_version": index_store.FINGERPRINT_VERSION,
                "jobs": [{"key": "ci", "runs": runs, "patterns": patterns, "normal": []}], **changes}
    return json.dumps(document).encode()


@pytest.mark.parametrize("content", [
    index_json([entry_json(counts=[2])]),
    index_json([entry_json(counts={"r1": "2"})]),
    index_json([entry_json(counts={"r1": True})]),
    index_json([entry_json(counts={"r1": -1})]),
    index_json([entry_json(first_seen=None)]),
    index_json([entry_json(location=42)]),
    index_json([entry_json(older_count="3")]),
    index_json([entry_json(older_runs=1.5)]),
    index_json([entry_json(extra_field=1)]),
    index_json([entry_json(id=7)]),
    index_json([entry_json()], runs=[{"id": "r1", "time": None, "label": "", "patterns": 1}]),
    index_json([entry_json()], runs={"r1": 1}),
    index_json("patterns"),
    index_json([entry_json()], jobs="all"),
    index_json([entry_json()], fingerprint_version="2"),
    index_json([entry_json()]).replace(b'"older_count": 0', b'"older_count": NaN'),
    index_json([entry_json()]).replace(b'"older_count": 0', b'"older_count": Infinity'),
    index_json([entry_json()]).replace(b'"older_count": 0', b'"older_count": 1e400'),
])
def test_every_field_is_validated_on_load(tmp_path: Path, content: bytes):
    path = tmp_path / "index.json"
    path.write_bytes(content)
    loaded = index_store.load(path)
    assert loaded.entries == {} and len(loaded.notes) == 1 and "moved aside" in loaded.notes[0], loaded.notes
    assert [p.read_bytes() for p in tmp_path.iterdir()] == [content]


def test_a_valid_hand_written_index_loads_and_lone_surrogates_become_replacement_characters(tmp_path: Path):
    path = tmp_path / "index.json"
    path.write_bytes(index_json([entry_json(example="bad \\ud800 value")]).replace(b"\\\\ud800", b"\\ud800"))
    loaded = index_store.load(path)
    assert loaded.notes == [] and loaded.entries["a1b2c3d4e5"].example == "bad \ufffd value"
    index_store.save(loaded, path)  # and it saves again
    assert index_store.load(path).entries["a1b2c3d4e5"].total_count == 2


def test_an_index_behind_a_symlink_is_updated_through_it(tmp_path: Path):
    (tmp_path / "shared").mkdir()
    link = tmp_path / "index.json"
    link.symlink_to(tmp_path / "shared" / "real.json")
    index = index_store.Index()
    index.record([pattern("disk full")])
    index_store.save(index, link)
    assert link.is_symlink() and index_store.load(tmp_path / "shared" / "real.json").to_json() == index.to_json()


def test_an_update_adds_its_run_to_what_others_saved_since_it_read_the_index(tmp_path: Path):
    path = tmp_path / "index.json"

    def record(index: index_store.Index) -> None:
        index.record([pattern("mine: disk full")], now="2026-11-02T00:00:00Z")

    mine = index_store.load(path)
    record(mine)
    alone, notes = index_store.update(path, record, recorded=mine)
    assert alone is mine and notes == []  # nothing changed since it was read: written as it is
    mine = index_store.load(path)
    record(mine)
    other = index_store.load(path)
    other.record([pattern("other: timeout")], now="2026-11-03T00:00:00Z")
    index_store.save(other, path)  # another job saved in between
    saved, _ = index_store.update(path, record, recorded=mine)
    assert len(saved.runs) == 3 and sorted(e.total_count for e in saved.entries.values()) == [1, 2]
    assert index_store.load(path).to_json() == saved.to_json()
