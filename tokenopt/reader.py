"""Streaming input: files, globs, stdin, .gz and .zip, as normalised and redacted lines in chunks.

Memory is bounded by the chunk and the line cap, never by the input: lines are read with a size
limit, an over-long line keeps its head and is marked with the bytes it lost.
"""
from __future__ import annotations

import glob
import gzip
import io
import os
import shutil
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from .errors import InputError, NoInputError
from .model import Line
from .normalise import normalise

_SNIFF_BYTES = 8192
AUTO_CHUNK_SMALL, AUTO_CHUNK_LARGE, LARGE_INPUT = 500, 5000, 50 * 1024 * 1024
# Logs compress 10-30x; beyond this ratio (and a floor for tiny archives) the archive is a bomb.
BOMB_RATIO, DECOMPRESSED_FLOOR, MAX_ZIP_MEMBERS = 1000, 256 * 1024 * 1024, 10_000


@dataclass(frozen=True)
class Source:
    """One input the user named: a path, or ``-`` for standard input."""

    name: str
    path: Path | None

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size if self.path else 0
        except OSError:
            return 0


def expand_sources(patterns: tuple[str, ...]) -> list[Source]:
    """Paths for the given files and globs (``**`` recursive, ``!`` excludes), each once, in order."""
    if not patterns:
        raise NoInputError("no log file given", "pass --log-file PATH (a path, a glob, or - for stdin), or "
                                                "--run URL for a GitHub Actions run's job logs")
    excludes = [p[1:] for p in patterns if p.startswith("!")]
    found: list[Source] = []
    seen: set[str] = set()
    for pattern in (p for p in patterns if not p.startswith("!")):
        if pattern == "-":
            found.append(Source("-", None))
            continue
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        if not matches:
            raise NoInputError(f"no file matches '{pattern}'", "check the glob from the current directory")
        for match in matches:
            path = Path(match)
            if not path.exists():
                raise InputError(f"{match}: no such file", "check the path, or quote a glob so the shell leaves it")
            if path.is_dir():
                if glob.has_magic(pattern):
                    continue
                raise InputError(f"{match}: is a directory", f"name files inside it, e.g. '{match}/**/*.log'")
            real = os.path.realpath(match)  # one file reached twice (a symlink, a loop under **) is read once
            if any(_excluded(match, ex) for ex in excludes) or real in seen:
                continue
            seen.add(real)
            found.append(Source(match, path))
    if not found:
        raise NoInputError(f"no file matches {' '.join(patterns)}", "check the globs from the current directory")
    return found


def _excluded(path: str, pattern: str) -> bool:
    return Path(path).match(pattern) or path in glob.glob(pattern, recursive=True)


def auto_chunk_size(sources: list[Source]) -> int:
    return AUTO_CHUNK_LARGE if sum(s.size for s in sources) > LARGE_INPUT else AUTO_CHUNK_SMALL


class LineReader:
    """Turns sources into chunks of ``Line``; counts bytes read and collects notes on skipped input."""

    def __init__(self, max_line_bytes: int, redact: Callable[[str], str]) -> None:
        self.max_line_bytes = max_line_bytes
        self.redact = redact
        self.bytes_read = 0
        self.clipped_bytes = 0
        self.notes: list[str] = []

    def chunks(self, sources: list[Source], chunk_size: int) -> Iterator[list[Line]]:
        chunk: list[Line] = []
        for source in sources:
            for line in self.lines(source):
                chunk.append(line)
                if len(chunk) >= chunk_size:
                    yield chunk
                    chunk = []
        if chunk:
            yield chunk

    def lines(self, source: Source) -> Iterator[Line]:
        reset = getattr(self.redact, "reset", None)  # per-input redaction state (an open key block)
        for name, stream in self._streams(source):
            if reset is not None:
                reset()
            with stream:
                yield from self._decode(name, stream)

    def _streams(self, source: Source) -> Iterator[tuple[str, BinaryIO]]:
        try:
            raw: BinaryIO = _stdin_spooled() if source.path is None else open(source.path, "rb")
        except PermissionError:
            raise InputError(f"{source.name}: permission denied", "make the file readable (chmod +r)") from None
        except OSError as error:
            raise InputError(f"{source.name}: cannot open ({error.strerror})", "check the path") from None
        head = raw.peek(4)[:4] if isinstance(raw, io.BufferedReader) else _peek(raw, 4)
        if head.startswith(b"\x1f\x8b"):
            yield source.name, self._capped(source, gzip.GzipFile(fileobj=raw), source.size)  # type: ignore[arg-type]
        elif head.startswith(b"PK\x03\x04") and zipfile.is_zipfile(raw):
            yield from self._zip_members(source.name, raw)
        else:
            yield source.name, raw

    def _zip_members(self, name: str, raw: BinaryIO) -> Iterator[tuple[str, BinaryIO]]:
        with raw, zipfile.ZipFile(raw) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            if len(members) > MAX_ZIP_MEMBERS:
                self.notes.append(f"{name}: {len(members):,} members; read the first {MAX_ZIP_MEMBERS:,}")
            for info in members[:MAX_ZIP_MEMBERS]:
                member = f"{name}!{info.filename}"
                yield member, self._capped(Source(member, None), archive.open(info), info.compress_size)  # type: ignore[arg-type]

    def _capped(self, source: Source, stream: BinaryIO, compressed: int) -> BinaryIO:
        """A decompressing stream that ends, with a note, where a decompression bomb would begin."""
        limit = max(DECOMPRESSED_FLOOR, BOMB_RATIO * compressed)
        capped = _CappedStream(stream, limit, lambda: self.notes.append(
            f"{source.name}: stopped after {limit:,} decompressed bytes (over {BOMB_RATIO}x its compressed size):"
            " a decompression bomb? Decompress it yourself if it is real"))
        return cast(BinaryIO, io.BufferedReader(capped, 1 << 16))

    def _decode(self, name: str, stream: BinaryIO) -> Iterator[Line]:
        buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream, 1 << 16)  # type: ignore[arg-type,type-var]
        number = 0
        try:
            head = buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]  # type: ignore[attr-defined]
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield from self._utf16_lines(name, buffered)
                return
            if _looks_binary(head):
                self.notes.append(f"{name}: skipped, looks binary (NUL and control bytes at the start)")
                return
            cap = self.max_line_bytes
            clipped_lines, clipped_before = 0, self.clipped_bytes
            while piece := buffered.readline(cap):
                self.bytes_read += len(piece)
                number += 1
                text = piece.decode("utf-8", "replace")
                if len(piece) == cap and not piece.endswith(b"\n"):
                    clipped = self._skip_rest_of_line(buffered)
                    self.clipped_bytes += clipped
                    text += f" …[line clipped: {clipped} more bytes]"
                    clipped_lines += 1
                yield Line(name, number, self.redact(normalise(text)))
            if clipped_lines:
                self.notes.append(f"{name}: {clipped_lines:,} line(s) longer than {cap:,} bytes clipped "
                                  f"({self.clipped_bytes - clipped_before:,} bytes not read; see --max-line-bytes)")
        except (EOFError, gzip.BadGzipFile, zipfile.BadZipFile, zlib.error, OSError) as error:
            self.notes.append(f"{name}: input ends early after line {number} ({error}); kept what was read")

    def _skip_rest_of_line(self, stream: BinaryIO) -> int:
        dropped = 0
        while True:
            piece = stream.readline(self.max_line_bytes)
            self.bytes_read += len(piece)
            dropped += len(piece)
            if not piece or piece.endswith(b"\n"):
                return dropped - piece.endswith(b"\n")

    def _utf16_lines(self, name: str, stream: BinaryIO) -> Iterator[Line]:
        text = io.TextIOWrapper(stream, encoding="utf-16", errors="replace", newline="")  # type: ignore[arg-type]
        for number, line in enumerate(iter(lambda: text.readline(self.max_line_bytes), ""), start=1):
            self.bytes_read += len(line) * 2
            yield Line(name, number, self.redact(normalise(line)))


class _CappedStream(io.RawIOBase):
    """Reads through to ``inner`` until ``limit`` bytes, then reports end of file once and says why."""

    def __init__(self, inner: BinaryIO, limit: int, on_limit: Callable[[], None]) -> None:
        self.inner, self.left, self.on_limit = inner, limit, on_limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            if self.on_limit is not None:
                self.on_limit()
                self.on_limit = None  # type: ignore[assignment]
            return 0
        view = memoryview(buffer)[: min(len(buffer), self.left)]
        # read1: one underlying read, so a truncated archive still gives what it decoded before the break
        data = self.inner.read1(len(view)) if hasattr(self.inner, "read1") else self.inner.read(len(view))
        view[: len(data)] = data
        self.left -= len(data)
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")


def _looks_binary(head: bytes) -> bool:
    """NUL bytes among many control bytes: a binary file, not a log with a stray NUL."""
    if b"\x00" not in head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > len(head) // 20


def _peek(stream: BinaryIO, size: int) -> bytes:
    position = stream.tell()
    data = stream.read(size)
    stream.seek(position)
    return data


def _stdin_spooled() -> BinaryIO:
    """Standard input as a buffered stream; a zip is spooled to disk because its index is at the end."""
    stdin = sys.stdin.buffer
    head = stdin.peek(4)[:4] if hasattr(stdin, "peek") else b""
    if not head.startswith(b"PK\x03\x04"):
        return stdin  # type: ignore[return-value]
    spool = tempfile.TemporaryFile()
    shutil.copyfileobj(stdin, spool)
    spool.seek(0)
    return spool  # type: ignore[return-value]


def describe(source: Source) -> str:
    return "standard input" if source.path is None else os.fspath(source.path)
