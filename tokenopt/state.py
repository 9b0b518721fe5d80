"""State files (the cross-run index, the memory server's graph, the usage history): regular files only,
one writer at a time, replaced atomically, and no temporary file left behind by a writer that was killed.

A state file is read and rewritten every run, so a path that names anything but a regular file (a
device, a FIFO, a socket, a directory, or a symlink to one) is refused before it is touched: renaming
``/dev/null`` aside and putting a file in its place is what an unchecked rename does.
"""
from __future__ import annotations

import contextlib
import os
import stat
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from .errors import StateError

try:
    import fcntl
except ImportError:  # Windows: no flock; writers are not serialised there
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT_SECONDS = 60.0  # a save holds the lock for milliseconds; longer means a stuck process
_LOCK_POLL_SECONDS = 0.01
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))
REFUSED_FIX = "give the path of a regular file (or of one to create); tokenopt never moves or replaces anything else"


def regular_file(path: str | Path, what: str) -> Path:
    """``path`` through its symlinks, when that is a regular file or nothing yet; else a StateError naming it.

    Checked before any read or write: the file the symlink names is the one updated, the link stays."""
    real = Path(os.path.realpath(path))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real
    except OSError as error:
        raise StateError(f"{what} {path}: cannot use it ({error.strerror})", REFUSED_FIX) from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a file")
        via = f", through a symlink to {real}" if os.path.islink(path) else ""
        raise StateError(f"{what} {path}: not a regular file ({kind}{via})", REFUSED_FIX)
    return real


@contextlib.contextmanager
def locked(path: Path, what: str) -> Iterator[None]:
    """Hold an exclusive lock for the state files of ``path``'s directory while the block runs.

    The lock is taken on the directory itself (flock works on a directory's descriptor): a separate lock
    file would be one more file in every cache and checkout, and would need write access of its own. The
    kernel drops the lock when its holder dies, kill -9 included."""
    if fcntl is None:
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path.parent, os.O_RDONLY)
    except OSError as error:
        raise StateError(f"{what} {path}: cannot lock its directory ({error.strerror})",
                         "check the directory and its permissions") from None
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StateError(f"{what} {path}: still locked by another process after "
                                     f"{LOCK_TIMEOUT_SECONDS:.0f} s", "look for a stuck tokenopt process") from None
                time.sleep(_LOCK_POLL_SECONDS)
        yield
    finally:
        os.close(handle)  # closing the descriptor releases the lock


def replace(path: Path, content: bytes, what: str, mode: int | None = None) -> None:
    """Write ``content`` beside ``path`` (fsync) and rename it over ``path``: readers see the old file or the new
    one, never a mix. ``mode`` None keeps the mode of the file replaced (the umask's for a new one).

    The caller holds ``locked(path)``: every writer does, so a temporary file of ``path`` found now belongs
    to a writer that died inside its save, and is removed."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path)
        keep = path.stat().st_mode & 0o7777 if mode is None and path.exists() else mode
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for any file
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        if keep is not None:
            os.chmod(temp, keep)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise StateError(f"cannot write {what} {path}: {error.strerror or error}",
                         "check the directory and its permissions") from None


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files of ``path`` that writers killed inside their save left behind."""
    if fcntl is None:
        return []  # without the lock a temporary file may be another writer's, still being written
    prefix = f".{path.name}."
    removed = []
    for entry in os.scandir(path.parent):
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp") and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
