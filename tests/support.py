"""Paths and helpers shared by the tests (imported as ``support``; pytest puts tests/ on sys.path)."""
from __future__ import annotations

import os
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "logs"
PROJECTS = ROOT / "tests" / "fixtures" / "projects"  # the sources the fixture logs were made from
GOLDEN = ROOT / "tests" / "golden"


def fixture_logs() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.log"))


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def unblock_fifo_later(path: Path, seconds: float = 5.0) -> threading.Timer:
    """A test of code that must not block on a FIFO: if a reader is still stuck opening ``path`` after
    ``seconds``, write it one line saying so (the test then fails on that line instead of hanging)."""

    def unblock() -> None:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            return  # no reader waiting: nothing was blocked
        os.write(fd, b"the reader was blocked\n")
        os.close(fd)

    timer = threading.Timer(seconds, unblock)
    timer.daemon = True
    timer.start()
    return timer
