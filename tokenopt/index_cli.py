"""``python -m tokenopt index show|merge``: read and combine cross-run indexes (matrix builds write one each)."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from . import index as index_store
from .errors import InputError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"index: {message}", "see python -m tokenopt index --help")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tokenopt index", description="Inspect and combine cross-run indexes.")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="list the patterns of an index, most recently seen first")
    show.add_argument("path", nargs="?", default=".tokenopt/index.json")
    show.add_argument("--limit", type=int, default=50)
    merge = commands.add_parser("merge", help="combine indexes of parallel jobs without losing counts")
    merge.add_argument("out")
    merge.add_argument("inputs", nargs="+")
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "merge":
        missing = [path for path in args.inputs if not Path(path).is_file()]
        if missing:  # a typo in a matrix merge must not quietly drop a job's history
            raise InputError(f"index {missing[0]}: no such file", "check the paths of the indexes to merge")
        loaded = [_load(path) for path in args.inputs]
        merged = index_store.merge(loaded)
        index_store.save(merged, args.out)
        print(f"merged {len(loaded)} index{'es' if len(loaded) != 1 else ''}: {len(merged.entries):,} patterns, "
              f"{len(merged.runs):,} run{'s' if len(merged.runs) != 1 else ''} -> {args.out}")
        return 0
    print(show(_load(args.path), args.limit))
    return 0


def _load(path: str) -> index_store.Index:
    loaded = index_store.load(path, move_aside=False)
    for note in loaded.notes:
        print(f"tokenopt: warning: {note}")
    return loaded


def show(index: index_store.Index, limit: int = 50) -> str:
    """A table of patterns: id, priority, runs seen, total count, first and last seen, example."""
    rows = sorted(index.entries.values(), key=lambda e: (e.last_seen, e.total_count), reverse=True)[:limit]
    lines = [f"{len(index.entries):,} patterns over {len(index.runs):,} remembered runs",
             f"{'id':10}  {'priority':8}  {'runs':>4}  {'count':>6}  {'first seen':10}  {'last seen':10}  example"]
    for e in rows:
        example = " ".join(e.example.split())[:100]
        lines.append(f"{e.id:10}  {e.priority:8}  {e.runs_seen:>4}  {e.total_count:>6}  {e.first_seen[:10]:10}  "
                     f"{e.last_seen[:10]:10}  {example!r}")
    return "\n".join(lines)
