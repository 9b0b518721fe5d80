"""Compressed inputs: a ``.gz``, or a ``.zip`` member by member (from its local headers when its central
directory is gone), each inflated only as far as a log plausibly goes.

Two caps, each with a note when it stops the reading: past ``BOMB_RATIO`` times its compressed size (at
least ``DECOMPRESSED_FLOOR``) a stream is a decompression bomb; and whatever the ratio, one compressed
input gives at most ``MAX_INFLATED_BYTES``, so reading it never takes longer than reading that much text.
"""
from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, cast

from . import ziplocal

GZIP_MAGIC, ZIP_MAGIC = b"\x1f\x8b", ziplocal.SIGNATURE
# Logs compress 10-30x; beyond this ratio (and a floor for tiny archives) the archive is a bomb.
BOMB_RATIO, DECOMPRESSED_FLOOR, MAX_ZIP_MEMBERS = 1000, 256 * 1024 * 1024, 10_000
# Repetitive logs reach ratios no cap can tell from a bomb (a 3 MB gzip of 1 GiB of lines is 344:1): the
# absolute cap bounds them, for a .gz or for a .zip's members together.
MAX_INFLATED_BYTES = 1024 * 1024 * 1024


def gunzipped(name: str, raw: BinaryIO, size: int, notes: list[str]) -> BinaryIO:
    return _capped(name, cast(BinaryIO, gzip.GzipFile(fileobj=raw)), size, _Allowance(), notes)


def zip_members(name: str, raw: BinaryIO, size: int, notes: list[str]) -> Iterator[tuple[str, BinaryIO]]:
    """Each member's name (``archive!member``) and stream; members that cannot be read are notes."""
    try:
        archive = zipfile.ZipFile(raw) if zipfile.is_zipfile(raw) else None
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        archive = None
    if archive is None:  # the directory at the end is gone: a download or an upload cut short
        yield from _local_members(name, raw, size, notes)
        return
    allowance = _Allowance()
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            notes.append(f"{name}: {len(members):,} members; read the first {MAX_ZIP_MEMBERS:,}")
        for info in members[:MAX_ZIP_MEMBERS]:
            member = f"{name}!{info.filename}"
            try:
                stream = cast(BinaryIO, archive.open(info))
            except (RuntimeError, NotImplementedError, zipfile.BadZipFile, OSError) as error:
                notes.append(f"{member}: skipped ({'encrypted' if info.flag_bits & 1 else error})")
                continue
            yield member, _capped(name, stream, info.compress_size, allowance, notes)
            if allowance.left <= 0:
                return


def _local_members(name: str, raw: BinaryIO, size: int, notes: list[str]) -> Iterator[tuple[str, BinaryIO]]:
    allowance, read = _Allowance(), 0
    for member in ziplocal.local_members(raw):
        if member.stream is None:
            notes.append(f"{name}!{member.name}: skipped ({member.problem})")
            continue
        read += 1
        stream = cast(BinaryIO, member.stream)
        yield f"{name}!{member.name}", _capped(name, stream, member.compressed or size, allowance, notes)
        if allowance.left <= 0 or read >= MAX_ZIP_MEMBERS:
            break
    notes.append(f"{name}: no central directory (a truncated archive?): read {read:,} member{'s' * (read != 1)} "
                 "from their local headers")


def _capped(name: str, stream: BinaryIO, compressed: int, allowance: _Allowance, notes: list[str]) -> BinaryIO:
    """A decompressing stream that ends, with a note, where either cap is reached."""
    limit = max(DECOMPRESSED_FLOOR, BOMB_RATIO * compressed)

    def stopped(by_ratio: bool) -> None:
        notes.append(
            f"{name}: stopped after {limit:,} decompressed bytes (over {BOMB_RATIO}x its compressed size):"
            " a decompression bomb? Decompress it yourself if it is real" if by_ratio else
            f"{name}: stopped after {MAX_INFLATED_BYTES:,} decompressed bytes, the most tokenopt reads from"
            " one compressed input: decompress it yourself to read the rest")

    return cast(BinaryIO, io.BufferedReader(_CappedStream(stream, limit, allowance, stopped), 1 << 16))


class _Allowance:
    """What one compressed input may still inflate to, shared by the members of an archive."""

    def __init__(self) -> None:
        self.left = MAX_INFLATED_BYTES


class _CappedStream(io.RawIOBase):
    """Reads through to ``inner`` until ``limit`` bytes or the allowance is spent, then reports end of file
    once and says which."""

    def __init__(self, inner: BinaryIO, limit: int, allowance: _Allowance, stopped: Callable[[bool], None]) -> None:
        self.inner, self.left, self.allowance, self.stopped = inner, limit, allowance, stopped
        self.said = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        room = min(len(buffer), self.left, self.allowance.left)
        if room <= 0:
            if not self.said:
                self.said = True
                self.stopped(self.left <= 0)
            return 0
        view = memoryview(buffer)[:room]
        # read1: one underlying read, so a truncated archive still gives what it decoded before the break
        data = self.inner.read1(room) if hasattr(self.inner, "read1") else self.inner.read(room)
        view[: len(data)] = data
        self.left -= len(data)
        self.allowance.left -= len(data)
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()
