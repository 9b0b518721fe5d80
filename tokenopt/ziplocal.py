"""A zip whose central directory is gone (a download or an upload cut short): its members in order, read
from their local file headers, which ``zipfile`` cannot do (it starts from the directory at the end).

Each member's data follows its local header; its compressed size is in the header, or, for zips written
as a stream, only in a descriptor after the data: a deflated member then ends where its deflate stream
ends. Stored and deflated members are read (what CI log archives use); others are named and skipped.
"""
from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

SIGNATURE = b"PK\x03\x04"
_NEXT_RECORDS = (SIGNATURE, b"PK\x01\x02", b"PK\x05\x06")  # another member, the directory, its end
_HEADER = struct.Struct("<4s5H3L2H")
_STORED, _DEFLATED = 0, 8
_ENCRYPTED, _SIZES_AFTER, _UTF8_NAME = 0x1, 0x8, 0x800
_DESCRIPTORS = (16, 12, 24, 20)  # crc and sizes after the data: with or without a signature, 32 or 64 bits
_PIECE = 1 << 16
DRAIN_LIMIT = 256 * 1024 * 1024  # inflated bytes spent finding the end of a member that was not read


@dataclass
class Member:
    name: str
    stream: io.RawIOBase | None  # None: not readable, ``problem`` says why
    compressed: int = 0  # its compressed size, 0 when only known at its end
    problem: str = ""


def local_members(raw: BinaryIO) -> Iterator[Member]:
    """The members whose local header is intact, in file order, until the first bytes that are not one.
    A member's stream is only valid until the next member is asked for."""
    position = 0
    while True:
        raw.seek(position)
        header = raw.read(_HEADER.size)
        if len(header) < _HEADER.size or not header.startswith(SIGNATURE):
            return
        _, _, flags, method, _, _, _, size, _, name_length, extra_length = _HEADER.unpack(header)
        name = raw.read(name_length).decode("utf-8" if flags & _UTF8_NAME else "cp437", "replace")
        extra = raw.read(extra_length)
        start = position + _HEADER.size + name_length + extra_length
        sized = not flags & _SIZES_AFTER
        if sized and size == 0xFFFFFFFF:
            size = _zip64_size(extra)
        problem = ("encrypted" if flags & _ENCRYPTED else
                   "" if method in (_STORED, _DEFLATED) else f"compression method {method} is not supported")
        if not sized and (problem or method != _DEFLATED):
            yield Member(name, None, problem=problem or "its size is only written after its data")
            return  # where the next header starts cannot be known
        if problem:
            yield Member(name, None, problem=problem)
            position = start + size
            continue
        raw.seek(start)
        member = _MemberStream(raw, method, size if sized else None)
        if not name.endswith("/"):  # a directory entry holds nothing
            yield Member(name, member, size if sized else 0)
        if sized:
            position = start + size
            continue
        end = member.end_of_data()
        after = None if end is None else _after_descriptor(raw, end)
        if after is None:
            return
        position = after


def _zip64_size(extra: bytes) -> int:
    """The compressed size from a zip64 extra field (id 1: uncompressed size, then compressed size)."""
    offset = 0
    while offset + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, offset)
        if kind == 1 and length >= 16 and offset + 20 <= len(extra):
            return int(struct.unpack_from("<Q", extra, offset + 12)[0])
        offset += 4 + length
    return 0


def _after_descriptor(raw: BinaryIO, end: int) -> int | None:
    """Where the record after a member's data descriptor begins, whichever form the descriptor has."""
    for length in _DESCRIPTORS:
        raw.seek(end + length)
        if raw.read(4) in _NEXT_RECORDS:
            return end + length
    return None


class _MemberStream(io.RawIOBase):
    """One member's data, inflated as it is read; an archive that ends inside it raises EOFError."""

    def __init__(self, raw: BinaryIO, method: int, size: int | None) -> None:
        self.raw, self.left = raw, size  # compressed bytes left, None when the data says where it ends
        self.inflate = zlib.decompressobj(-15) if method == _DEFLATED else None
        self.pending = b""
        self.done = size == 0
        self.end: int | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._next(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def end_of_data(self) -> int | None:
        """Where the data ends, inflating (and dropping) what was not read, up to ``DRAIN_LIMIT``."""
        drained = 0
        try:
            while not self.done and drained <= DRAIN_LIMIT:
                drained += len(self._next(_PIECE))
        except (EOFError, zlib.error):
            return None
        return self.end if self.done else None

    def _next(self, size: int) -> bytes:
        while not self.done:
            if self.inflate is None:
                data = self._read(min(size, self.left or 0))
                self.done = self.left == 0
                return data
            if not self.pending:
                self.pending = self._read(_PIECE if self.left is None else min(_PIECE, self.left))
            data = self.inflate.decompress(self.pending, size)
            self.pending = self.inflate.unconsumed_tail
            if self.inflate.eof:
                self.done = True
                self.end = self.raw.tell() - len(self.inflate.unused_data)
            if data:
                return data
        return b""

    def _read(self, size: int) -> bytes:
        data = self.raw.read(size)
        if not data:
            raise EOFError("the archive ends inside this member")
        if self.left is not None:
            self.left -= len(data)
        return data
