"""Fingerprint stability: the same failures, re-run, must get the same keys; different ones never share one.

Re-runs the corpus generators (real tools again: new timestamps, temp directories, PIDs, thread ids,
addresses, durations) into a scratch folder, digests both the committed case and the re-run, and
compares the keys of their critical, high and medium patterns. Then checks over-grouping: within a run,
no key holds two different test ids or two different error types.

    python bench/stability.py [--ecosystems python,rust,go,c,jvm,js] [--work DIR]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tokenopt.fingerprint import error_type, short_id
from tokenopt.model import Pattern, Priority
from tokenopt.processor import StreamLogProcessor
from tokenopt.reader import expand_sources

CORPUS = Path(__file__).resolve().parent / "corpus"


def patterns(case: Path) -> list[Pattern]:
    log = next(p for p in (case / "job.log", case / "job.log.gz") if p.exists())
    collected = StreamLogProcessor().process_sources(expand_sources((str(log),)))
    return [p for p in collected.patterns if p.priority >= Priority.MEDIUM]


def keys(found: list[Pattern]) -> dict[str, str]:
    return {short_id(p.key): p.event.message[:120] for p in found}


def over_grouped(found: list[Pattern]) -> int:
    """Keys that would hold two different tests or error types: the folder keeps one representative per key,
    so look for representatives whose test id or type differs while their key is equal after re-keying."""
    seen: dict[str, set[str]] = {}
    for p in found:
        identity = p.event.test_id or error_type(p.event.message) or p.event.kind
        seen.setdefault(p.key, set()).add(identity)
    return sum(1 for identities in seen.values() if len(identities) > 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ecosystems", default="python,rust,go,c,jvm,js")
    parser.add_argument("--work", default="")
    parser.add_argument("--reuse", action="store_true", help="compare with the re-run already in --work")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="tokenopt-stability-"))
    rerun = work / "cases"
    env = {**os.environ, "CORPUS_CASES": str(rerun), "CORPUS_WORK": str(work / "ci-rerun")}
    done = subprocess.run([sys.executable, str(CORPUS / "generate.py"), *args.ecosystems.split(",")], env=env,
                          capture_output=True, text=True, check=False) if not args.reuse else None
    if done is not None and done.returncode:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n", file=sys.stderr)
        return done.returncode
    total = same = merged = 0
    print(f"{'case':38} {'patterns':>8} {'same key':>8} {'stable':>7}")
    for case in sorted(rerun.iterdir()):
        before, after = patterns(CORPUS / "cases" / case.name), patterns(case)
        first, second = keys(before), keys(after)
        union = set(first) | set(second)
        common = set(first) & set(second)
        total += len(union)
        same += len(common)
        merged += over_grouped(before) + over_grouped(after)
        print(f"{case.name:38} {len(union):>8} {len(common):>8} {len(common) / len(union) if union else 1:>7.1%}")
        for key in sorted(union - common)[:3]:
            print(f"    changed: {(first.get(key) or second.get(key))!r}")
    print(f"\nall cases: {same:,} of {total:,} patterns keep their key across the re-run "
          f"({same / total if total else 1:.2%}); keys holding two different tests or error types: {merged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
