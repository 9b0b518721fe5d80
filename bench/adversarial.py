"""Live Markdown from log text: the job summary and the PR comment, rendered by GitHub's cmark-gfm, over the
adversarial corpus of tests/live_markdown.py (every payload in every place the log reaches them: test ids,
assertion messages, excerpts, file names as locations and notes, a step name, JSON log records with
newlines, a hand-edited index's dates, examples and locations).

Counts what came alive beyond what the template writes for a benign log of the same shape: elements
(links, images, headings, emphasis, lists, ...) and, in text outside code, the mentions, issue references,
math and emoji that GitHub's post-processing would make. Also counts forged workflow commands on stdout.

    python bench/adversarial.py
"""
from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from live_markdown import PAYLOADS, Outputs, benign, hostile_outputs, live_elements  # noqa: E402
from runner_side import runner_command  # noqa: E402

ANNOTATIONS = ("error", "warning", "notice")


def run(root: Path, transform: Callable[[str], str] = str) -> Outputs:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        return hostile_outputs(root, transform, printed.getvalue)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="tokenopt-adversarial-") as tmp:
        hostile, twin = run(Path(tmp, "hostile")), run(Path(tmp, "benign"), benign)
    total = 0
    print(f"{len(PAYLOADS)} payloads; rendered with cmark-gfm (table, autolink, strikethrough, tagfilter, tasklist)")
    for name in ("summary", "comment"):
        found = live_elements(getattr(hostile, name), getattr(twin, name))
        total += len(found)
        kinds = Counter(item.split(" ")[0] for item in found)
        print(f"{name:8} live elements: {len(found):4}  " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    commands = [c for c in map(runner_command, hostile.stdout.splitlines()) if c]
    forged = [c for c in commands if c[0] not in ANNOTATIONS or "pwned" in str(c[1])]
    print(f"stdout   workflow commands: {len(commands)} annotations, {len(forged)} forged")
    print(f"total live elements: {total}")
    return 1 if total or forged else 0


if __name__ == "__main__":
    sys.exit(main())
