"""Streaming input: files, globs, stdin, .gz and .zip, as normalised and redacted lines in chunks.

Memory is bounded by the chunk and the line cap, never by the input: lines are read with a size
limit, an over-long line keeps its head and is marked with the bytes it lost.
"""
from __future__ import annotations

import glob
import gzip
import io
import os
import re
import shutil
import stat
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AnyStr, BinaryIO

from . import archive
from .errors import InputError, NoInputError
from .model import Line
from .normalise import normalise

_SNIFF_BYTES = 8192
# The token an over-long line is cut in: from the last character no credential holds (blank, quote,
# separator) to the cut. A clipped line loses it, so the head of a credential never survives the clip.
_TOKEN_TAIL = re.compile(r"[^\s\"'`,;&|<>(){}\[\]]*\Z")
_TOKEN_TAIL_BYTES = re.compile(_TOKEN_TAIL.pattern.encode())
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no FIFOs to hang on
AUTO_CHUNK_SMALL, AUTO_CHUNK_LARGE, LARGE_INPUT = 500, 5000, 50 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """One input the user named: a path, or ``-`` for standard input. ``matched``: found by a glob, so one
    that cannot be opened is skipped with a note (a file named outright is an error)."""

    name: str
    path: Path | None
    matched: bool = False

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
            if not path.exists() and not (glob.has_magic(pattern) and path.is_symlink()):
                raise InputError(f"{match}: no such file", "check the path, or quote a glob so the shell leaves it")
            if path.is_dir():
                if glob.has_magic(pattern):
                    continue
                raise InputError(f"{match}: is a directory", f"name files inside it, e.g. '{match}/**/*.log'")
            real = os.path.realpath(match)  # one file reached twice (a symlink, a loop under **) is read once
            if any(_excluded(match, ex) for ex in excludes) or real in seen:
                continue
            seen.add(real)
            found.append(Source(match, path, glob.has_magic(pattern)))
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
        self.clipped_lines = 0  # in bulk reading, since the last note
        self.notes: list[str] = []
        self.unread: list[str] = []  # sources of which nothing could be read (each has a note saying why)

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
        """The lines of one source; a source that gives none and needed a note (skipped, cut, empty pipe)
        is listed in ``unread``: nothing of it could be read."""
        notes, produced = len(self.notes), 0
        for name, stream in self.streams(source):
            with stream:
                for line in self._decode(name, stream):
                    produced += 1
                    yield line
        if not produced and len(self.notes) > notes:
            self.unread.append(source.name)

    def _streams(self, source: Source) -> Iterator[tuple[str, BinaryIO]]:
        raw = self._open(source)
        if raw is None:
            return
        head = raw.peek(4)[:4] if isinstance(raw, io.BufferedReader) else _peek(raw, 4)
        if head.startswith(archive.GZIP_MAGIC):
            yield source.name, archive.gunzipped(source.name, raw, source.size, self.notes)
        elif head.startswith(archive.ZIP_MAGIC):
            with raw:
                yield from archive.zip_members(source.name, raw, source.size, self.notes)
        else:
            before, pipe = self.bytes_read, source.path is not None and stat.S_ISFIFO(os.fstat(raw.fileno()).st_mode)
            yield source.name, raw
            if pipe and self.bytes_read == before:
                self.notes.append(f"{source.name}: a named pipe with no writer: nothing to read")

    def _open(self, source: Source) -> BinaryIO | None:
        """The source opened for reading; None, with a note, for a glob's match that cannot be opened."""
        if source.path is None:
            return _stdin_spooled()
        try:  # without blocking, so a FIFO with no writer opens (and then reads as empty) instead of hanging
            handle = os.open(source.path, os.O_RDONLY | _NONBLOCK)
        except OSError as error:
            problem, fix = _open_problem(source.path, error)
            if not source.matched:
                raise InputError(f"{source.name}: {problem}", fix) from None
            self.notes.append(f"{source.name}: skipped, {problem}")
            return None
        if _NONBLOCK:
            os.set_blocking(handle, True)  # a writer that is there is read at its own pace
        return os.fdopen(handle, "rb")

    def streams(self, source: Source) -> Iterator[tuple[str, BinaryIO]]:
        """The byte streams of an input (one, or a zip's members), each with the name its lines carry."""
        reset = getattr(self.redact, "reset", None)  # per-input redaction state (an open key block)
        for name, stream in self._streams(source):
            if reset is not None:
                reset()
            yield name, stream

    def plain(self, name: str, stream: BinaryIO) -> BinaryIO | None:
        """The stream, buffered, when it is UTF-8 text that can be read in bulk; None for UTF-16 or binary input
        (read those line by line with ``decode``)."""
        kind, buffered = self._sniff(name, stream)
        return buffered if kind == "text" else None

    def _sniff(self, name: str, stream: BinaryIO) -> tuple[str, Any]:
        """What a stream holds ("text", "utf16" or "binary"), buffered, past a leading hole of NUL bytes."""
        buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream, 1 << 16)  # type: ignore[arg-type,type-var]
        nuls = self._skip_leading_nuls(buffered)
        head = buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf16", buffered
        if _looks_binary(head):
            return "binary", buffered
        if nuls:
            self.notes.append(f"{name}: skipped {nuls:,} NUL bytes at the start (a file truncated while it was "
                              "written, e.g. by logrotate's copytruncate)")
        return "text", buffered

    def clip(self, head: bytes, unread: int = 0) -> str:
        """A line longer than the cap, read in bulk (``head``, then ``unread`` more bytes already read past): its
        head, cut back to before the token the cap fell in, and the marker."""
        kept = _before_last_token(head[:self.max_line_bytes], _TOKEN_TAIL_BYTES)
        self.clipped_lines += 1
        return self._clip(kept.decode("utf-8", "replace"), len(head) - len(kept) + unread)

    def note_clipped(self, name: str) -> None:
        """The note for the lines of ``name`` clipped in bulk."""
        self._note_clipped(name, self.clipped_lines, 0, self.max_line_bytes)
        self.clipped_lines = 0

    def decode(self, name: str, stream: BinaryIO) -> Iterator[Line]:
        """The lines of one stream, read one by one (UTF-16 and binary input too)."""
        yield from self._decode(name, stream)

    def _decode(self, name: str, stream: BinaryIO) -> Iterator[Line]:
        number = 0
        try:
            kind, buffered = self._sniff(name, stream)
            if kind == "utf16":
                yield from self._utf16_lines(name, buffered)
                return
            if kind == "binary":
                self.notes.append(f"{name}: skipped, looks binary (NUL and control bytes at the start)")
                return
            cap = self.max_line_bytes
            clipped_lines, clipped_before = 0, self.clipped_bytes
            while piece := buffered.readline(cap):
                self.bytes_read += len(piece)
                number += 1
                if len(piece) == cap and not piece.endswith(b"\n"):
                    head = _before_last_token(piece, _TOKEN_TAIL_BYTES)
                    text = self._clip(head.decode("utf-8", "replace"), len(piece) - len(head) +
                                      self._skip_rest_of_line(lambda: buffered.readline(cap), b"\n", 1))
                    clipped_lines += 1
                else:
                    text = piece.decode("utf-8", "replace")
                yield Line(name, number, self.redact(normalise(text)))
            self._note_clipped(name, clipped_lines, clipped_before, cap)
        except (EOFError, gzip.BadGzipFile, zipfile.BadZipFile, zlib.error, OSError) as error:
            self.notes.append(f"{name}: input ends early after line {number} ({error}); kept what was read")

    def _skip_leading_nuls(self, stream: Any) -> int:
        """A file truncated while it was written (logrotate's copytruncate) begins with a hole of NUL bytes
        and goes on as text where its writer went on: judge it by what follows the hole, not by the hole."""
        skipped = 0
        while run := _nul_run(stream.peek(_SNIFF_BYTES)):
            skipped += len(stream.read(run))
        self.bytes_read += skipped
        return skipped

    def _skip_rest_of_line(self, read: Callable[[], Any], ends: Any, width: int) -> int:
        """Reads past the rest of a clipped line; the bytes dropped (``width`` bytes a unit read)."""
        dropped = 0
        while True:
            piece = read()
            self.bytes_read += len(piece) * width
            dropped += len(piece) * width
            if not piece or piece.endswith(ends):
                return dropped - width * piece.endswith(ends)

    def _clip(self, head: str, dropped: int) -> str:
        """An over-long line's head, cut back to before the token the cap fell in (a token's head could be
        the head of a credential, which no rule can recognise any more), and the marker."""
        self.clipped_bytes += dropped
        return f"{head} …[line clipped: {dropped} more bytes]"

    def _note_clipped(self, name: str, lines: int, before: int, cap: int) -> None:
        if lines:
            self.notes.append(f"{name}: {lines:,} line(s) longer than {cap:,} bytes clipped "
                              f"({self.clipped_bytes - before:,} bytes not read; see --max-line-bytes)")

    def _utf16_lines(self, name: str, stream: BinaryIO) -> Iterator[Line]:
        text = io.TextIOWrapper(stream, encoding="utf-16", errors="replace", newline="")  # type: ignore[arg-type]
        cap = max(1, self.max_line_bytes // 2)  # characters, two bytes each (a few take four)
        clipped_lines, clipped_before = 0, self.clipped_bytes
        for number, line in enumerate(iter(lambda: text.readline(cap), ""), start=1):
            self.bytes_read += len(line) * 2
            if len(line) == cap and not line.endswith(("\n", "\r")):
                head = _before_last_token(line, _TOKEN_TAIL)
                line = self._clip(head, 2 * (len(line) - len(head)) +
                                  self._skip_rest_of_line(lambda: text.readline(cap), ("\n", "\r"), 2))
                clipped_lines += 1
            yield Line(name, number, self.redact(normalise(line)))
        self._note_clipped(name, clipped_lines, clipped_before, self.max_line_bytes)


def _before_last_token(piece: AnyStr, tail: re.Pattern[AnyStr]) -> AnyStr:
    found = tail.search(piece)  # always found, maybe empty
    return piece[: found.start()] if found else piece


_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")


def _nul_run(data: bytes) -> int:
    return len(data) - len(data.lstrip(b"\x00"))


BINARY_MIN_CONTROLS = 32  # a short log with a few stray control bytes is still text; a binary head has hundreds


def _looks_binary(head: bytes) -> bool:
    """NUL bytes among many control bytes: a binary file, not a log with a stray NUL."""
    if b"\x00" not in head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > max(len(head) // 20, BINARY_MIN_CONTROLS)


def _open_problem(path: Path, error: OSError) -> tuple[str, str]:
    """What went wrong opening ``path``, and the fix, in words."""
    if isinstance(error, PermissionError):
        return "permission denied", "make the file readable (chmod +r)"
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        target = os.readlink(path)
        return f"a dangling symlink (to {target}, which does not exist)", "remove the link or restore its file"
    return f"cannot open ({error.strerror})", "check the path"


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """JSON may spell a lone surrogate (``"\\ud800"``), which no UTF-8 writer accepts: each becomes U+FFFD,
    as an invalid byte does when a line is read. (A pair is already one character once decoded.)"""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


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
