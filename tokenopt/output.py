"""Where a digest goes: a named file, standard output, or the rotating log directory."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StateError
from .settings import Settings

if TYPE_CHECKING:
    from .optimizer import Result

SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json"}


def write_digest(result: "Result", settings: Settings) -> str:
    """Write the digest where ``settings`` say and return that place (``-`` for stdout)."""
    if settings.out == "-":
        result.output_path = "-"
        sys.stdout.write(serialise(result, settings))
        sys.stdout.flush()
        return "-"
    if settings.out:
        path = Path(settings.out)
    else:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        path = Path(settings.log_dir) / f"digest-{stamp}{SUFFIXES[settings.format]}"
    result.output_path = str(path)
    write_atomic(path, serialise(result, settings))
    if not settings.out:
        rotate(Path(settings.log_dir), settings.max_logs, int(settings.max_log_size_mb * 1024 * 1024), keep=path)
    return str(path)


def serialise(result: "Result", settings: Settings) -> str:
    return summary_json(result) if settings.format == "json" else result.digest


def summary_json(result: "Result") -> str:
    """The JSON summary as the CLI, the action and a collected job write it."""
    return json.dumps(result.summary(), indent=2, ensure_ascii=False) + "\n"


READABLE = 0o644


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename it: a reader sees the old file or the new one."""
    try:
        if path.exists() and not path.is_file():  # /dev/null, a FIFO: write through, never replace them
            with path.open("w", encoding="utf-8") as stream:
                stream.write(text)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, READABLE)  # mkstemp makes 0600; later steps (another user) must read it
        os.replace(temporary, path)
    except OSError as error:
        raise StateError(f"{path}: cannot write ({error.strerror})", "choose a writable path") from None


def rotate(directory: Path, max_files: int, max_bytes: int, keep: Path) -> list[Path]:
    """Remove the oldest digests until at most ``max_files`` remain using at most ``max_bytes``; never ``keep``."""
    digests = sorted(directory.glob("digest-*"), key=lambda p: p.name, reverse=True)
    removed: list[Path] = []
    total = 0
    for position, path in enumerate(digests):
        size = path.stat().st_size
        if path != keep and (position >= max_files or total + size > max_bytes):
            path.unlink(missing_ok=True)
            removed.append(path)
        else:
            total += size
    return removed
