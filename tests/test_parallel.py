"""Several inputs read by worker processes give the digest one process gives: same events, same counts."""
from __future__ import annotations

import pickle
from pathlib import Path

from support import ROOT

from tokenopt import EnhancedTokenOptimizer
from tokenopt.formats import without
from tokenopt.model import Priority
from tokenopt.processor import StreamLogProcessor

CASES = ROOT / "bench" / "corpus" / "cases"
LOGS = [CASES / name / "job.log" for name in ("py-pytest-basic", "rust-cargo-test-panics", "js-jest-basic",
                                              "php-phpunit-failures", "go-test-failures")]


def summary(tmp_path: Path, workers: int, budget: int) -> dict:
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, out=str(tmp_path / f"d{workers}.json"), format="json",
                                       index="", workers=workers)
    result, _ = optimizer.process_logs([str(log) for log in LOGS])
    return {key: value for key, value in result.items() if key not in ("seconds", "output_path")}


def test_two_workers_give_the_digest_one_process_gives(tmp_path: Path):
    assert all(log.exists() for log in LOGS)
    for budget in (800, 6000):
        serial, parallel = summary(tmp_path, 1, budget), summary(tmp_path, 2, budget)
        assert parallel == serial
        assert len(serial["events"]) > 10


def test_inputs_read_in_bulk_by_workers_give_what_one_process_gives():
    """Workers read as the parent would: in bulk too (bulk_bytes reaches them), merged part by part."""
    serial = StreamLogProcessor(bulk_bytes=0, workers=1).process([str(log) for log in LOGS])
    parallel = StreamLogProcessor(bulk_bytes=0, workers=2).process([str(log) for log in LOGS])
    assert parallel == serial
    assert sum(p.priority == Priority.CRITICAL for p in serial.patterns) > 10


def test_a_spawned_worker_reads_as_its_parent():
    """Where workers are spawned (macOS, Windows) the processor reaches them pickled: its encoding and its
    families by name, loaded again there; what it reads is what the parent reads."""
    parent = StreamLogProcessor(families=without(("python",)), bulk_bytes=0, whole_chars=1_000)
    spawned = pickle.loads(pickle.dumps(parent))
    assert [f.name for f in spawned.families] == [f.name for f in parent.families]
    assert spawned.counter.name == parent.counter.name and spawned.counter.exact
    assert (spawned.bulk_bytes, spawned.whole_chars) == (0, 1_000)
    assert spawned.process([str(log) for log in LOGS]) == parent.process([str(log) for log in LOGS])
