"""Paths and helpers shared by the tests (imported as ``support``; pytest puts tests/ on sys.path)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "logs"
GOLDEN = ROOT / "tests" / "golden"


def fixture_logs() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.log"))


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"
