"""Bulk reading of a large input: blocks of raw bytes are searched at once for the few lines worth a close look
(anchors: failure words, the recognizers' signals and start shapes, CI step markers, what redaction must see),
and only those lines and their surroundings are decoded and read line by line; the rest is counted.

Around an anchor, a few lines before and after are read; a block a recognizer or the finder opened is read on
until it closes; before a CI step's boundary or verdict, and at the end of the input, the last lines are read,
so a failing step's tail is its real tail. Lines skipped between two windows are a gap: whatever was open ends.
The search is Hyperscan's when it is installed (a DFA over the bytes, several hundred MB/s), else one ``re``.
"""
from __future__ import annotations

import gzip
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO

from . import profiles, steps
from .dedup import Folder
from .finder import GATE
from .formats import Classifier, Family
from .model import Event, Line
from .normalise import normalise
from .reader import LineReader, Source
from .tokens import Counter
from .volume import Volume

BLOCK_BYTES = 1 << 20
BEFORE, AFTER = 4, 4  # lines read around an anchor
EXTEND = 32  # lines read at a time while a block stays open
SAMPLE_LINES = 64  # of each block, counted in tokens for the input's estimate
_ENDS_EARLY = (EOFError, gzip.BadGzipFile, zipfile.BadZipFile, zlib.error, OSError)
_STAMP = rb"(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?)?"  # a runner timestamp may lead any line
_REDACTION = ("::add-mask::", "-----begin", "private key")


class Anchors:
    """Where in a block of raw bytes a line may matter: literal words anywhere (any case) and shapes that start a
    line. ``lines(data)`` gives the offsets of the lines that hold one, in order."""

    def __init__(self, words: Iterable[str], starts: Iterable[str]) -> None:
        self.words = sorted({word.lower().encode() for word in words if word})
        self.starts = [start.encode() for start in starts if start]
        self._scan = _hyperscan(self.words, self.starts) or _stdlib(self.words, self.starts)

    def lines(self, data: bytes) -> list[int]:
        found: list[int] = []
        last = -1
        for end in self._scan(data):
            start = data.rfind(b"\n", 0, end) + 1
            if start != last:
                found.append(start)
                last = start
        return sorted(set(found)) if found != sorted(found) else found


@lru_cache(maxsize=4)  # compiling takes tens of milliseconds: once per set of families and process
def anchors_for(families: tuple[Family, ...]) -> Anchors:
    words = [w for f in families for w in f.signals] + GATE.pattern.split("|") + list(_REDACTION)
    words = [w for w in words if not any(ch in w for ch in "[]().*+?\\")]  # the gate's "[✕✗✘×]" is spelled out
    words += ["✕", "✗", "✘", "×"]
    marks = [re.escape(m) for m in steps.MARKS]
    return Anchors(words, [f.starts for f in families if f.starts] + marks)


def _hyperscan(words: list[bytes], starts: list[bytes]) -> Callable[[bytes], list[int]] | None:
    try:
        import hyperscan
    except ImportError:
        return None
    expressions = [re.escape(word) for word in words] + [b"^" + _STAMP + b"(?:" + start + b")" for start in starts]
    flags = [hyperscan.HS_FLAG_CASELESS] * len(words) + [hyperscan.HS_FLAG_MULTILINE] * len(starts)
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))), flags=flags)

    def scan(data: bytes) -> list[int]:
        ends: list[int] = []
        database.scan(data, match_event_handler=lambda _id, _from, to, _flags, _ctx: ends.append(to))
        return ends

    return scan


def _stdlib(words: list[bytes], starts: list[bytes]) -> Callable[[bytes], list[int]]:
    pattern = re.compile(b"(?m)(?i:" + b"|".join(re.escape(word) for word in words) + b")|" +
                         b"|".join(b"^" + _STAMP + b"(?:" + start + b")" for start in starts))
    return lambda data: [match.end() for match in pattern.finditer(data)]


@dataclass
class Window:
    start: int  # byte offsets of whole lines in the block
    end: int
    tail: bool = False  # the last lines before a step's boundary: read them all


def read_bulk(source: Source, reader: LineReader, classifier: Classifier, folder: Folder, counter: Counter,
              anchors: Anchors) -> tuple[Volume, list[Line]]:
    """A large input read in bulk into ``folder``; its volume (lines and bytes counted, tokens sampled) and its
    first lines. A UTF-16 or binary stream is read line by line as ever."""
    volume, sample = Volume(), []
    for name, stream in reader.streams(source):
        with stream:
            plain = reader.plain(name, stream)
            if plain is None:
                lines = list(reader.decode(name, stream))
                volume.add(lines, counter)
                folder.extend(classifier.feed(lines))
                sample += lines[:profiles.SAMPLE_LINES]
                continue
            bulk = BulkReader(anchors, classifier, reader.redact, reader.clip, reader.max_line_bytes, counter)
            try:
                for _ in bulk.read(name, plain):
                    folder.extend(bulk.take_events())
            except _ENDS_EARLY as error:
                reader.notes.append(f"{name}: input ends early after line {bulk.lines} ({error}); kept what was read")
            folder.extend(bulk.take_events() + classifier.gap())
            reader.note_clipped(name)
            part = Volume()
            part.bulk(bulk.lines, bulk.bytes_read, bulk.sampled_tokens, bulk.sampled_bytes)
            volume.merge(part)
            reader.bytes_read += bulk.bytes_read
            sample += bulk.sample
    return volume, sample[:profiles.SAMPLE_LINES]


class BulkReader:
    """Reads one plain-text stream in blocks, feeding the classifier only the windows worth reading."""

    def __init__(self, anchors: Anchors, classifier: Classifier, redact: Callable[[str], str],
                 clip: Callable[[bytes, int], str], max_line_bytes: int, counter: Counter) -> None:
        self.anchors, self.classifier, self.redact, self.clip = anchors, classifier, redact, clip
        self.max_line_bytes, self.counter = max_line_bytes, counter
        self.fed_until = 0  # the last line number read
        self.lines = self.bytes_read = self.sampled_tokens = self.sampled_bytes = 0
        self.events: list[Event] = []
        self.sample: list[Line] = []  # the first lines, read whole (the profile's sample, the log's start)
        self._cursor: tuple[bytes, int, int] = (b"", 0, 0)  # a block, an offset in it and the line number there

    def take_events(self) -> list[Event]:
        events, self.events = self.events, []
        return events

    def read(self, name: str, stream: BinaryIO) -> Iterator[list[Line]]:
        """The lines read, window by window (the caller folds the events as they come)."""
        recent = _Recent()
        for first, data, read, lines in _blocks(stream, self.clip):
            self.bytes_read += read
            self._count_sample(data)
            for window in self._windows(data, first):
                yield from self._feed(name, data, first, window)
            self.lines = first - 1 + lines
            recent.add(first, data, lines)
        last_first, last_data = recent.get()
        yield from self._feed(name, last_data, last_first, Window(0, len(last_data), tail=True))

    def _count_sample(self, data: bytes) -> None:
        """Tokens of a few lines from the middle of each block: the input's token estimate."""
        start = data.rfind(b"\n", 0, len(data) // 2) + 1
        raw = data[start:_after(data, start, SAMPLE_LINES)]
        self.sampled_tokens += self.counter.count("\n".join(normalise(line.decode("utf-8", "replace"))
                                                            for line in raw.split(b"\n")))
        self.sampled_bytes += len(raw)

    def _windows(self, data: bytes, first: int) -> list[Window]:
        windows: list[Window] = []
        head = _after(data, 0, profiles.SAMPLE_LINES - first + 1) if first <= profiles.SAMPLE_LINES else 0
        if head or self.classifier.busy:
            windows.append(Window(0, max(head, _after(data, 0, EXTEND))))
        for start in self.anchors.lines(data):
            end = _after(data, start, 1 + AFTER)
            line_end = data.find(b"\n", start)
            text = data[start:line_end if line_end >= 0 else len(data)].decode("utf-8", "replace")
            tail = steps.is_boundary(normalise(text))
            window = Window(_before(data, start, steps.TAIL_LINES if tail else BEFORE), end, tail)
            if windows and window.start <= windows[-1].end:
                windows[-1].end = max(windows[-1].end, window.end)
            else:
                windows.append(window)
        return windows

    def _feed(self, name: str, data: bytes, first: int, window: Window) -> Iterator[list[Line]]:
        start, number = window.start, self._number(data, first, window.start)
        if number <= self.fed_until:  # already read (the end of the input, read again as its tail)
            start = _after(data, start, self.fed_until - number + 1)
            number = self.fed_until + 1
        if start >= len(data) or (start >= window.end and not self.classifier.busy):
            return
        if number > self.fed_until + 1:
            self.events += self.classifier.gap()
        end = max(window.end, start)
        while True:
            lines = self._decode(name, data[start:end], number)
            if lines:
                self.events += self.classifier.feed(lines)
                if len(self.sample) < profiles.SAMPLE_LINES:
                    self.sample += lines[:profiles.SAMPLE_LINES - len(self.sample)]
                number += len(lines)
                self.fed_until = number - 1
                self._cursor = (data, end, number)
                yield lines
            if end >= len(data) or not (self.classifier.busy or getattr(self.redact, "in_key_block", False)):
                return
            start, end = end, _after(data, end, EXTEND)

    def _number(self, data: bytes, first: int, offset: int) -> int:
        """The number of the line at ``offset``, counting on from where the last window of this block ended."""
        seen, at, number = self._cursor
        if seen is not data or at > offset:
            at, number = 0, first
        return number + data.count(b"\n", at, offset)

    def _decode(self, name: str, raw: bytes, number: int) -> list[Line]:
        pieces = raw.split(b"\n")
        if pieces and not pieces[-1]:
            pieces.pop()
        return [Line(name, number + n, self.redact(normalise(
            self.clip(piece, 0) if len(piece) > self.max_line_bytes else piece.decode("utf-8", "replace"))))
            for n, piece in enumerate(pieces)]


def _blocks(stream: BinaryIO, clip: Callable[[bytes, int], str]) -> Iterator[tuple[int, bytes, int, int]]:
    """Blocks of whole lines: the number of each block's first line, the block, the bytes read for it and its
    lines. A line longer than a block keeps its head (clipped, with its marker) and is read past, never held."""
    carry, number, read = b"", 1, 0
    while piece := stream.read(BLOCK_BYTES):
        read += len(piece)
        data = carry + piece if carry else piece
        cut = data.rfind(b"\n") + 1
        if cut == 0 and len(data) <= BLOCK_BYTES:
            carry = data
            continue
        if cut == 0:
            data, more = _past_long_line(stream, data, clip)
            read, cut = read + more, data.rfind(b"\n") + 1
        lines = data.count(b"\n", 0, cut)
        yield number, data[:cut], read, lines
        number += lines
        carry, read = data[cut:], 0
    if carry:
        yield number, carry, read, 1


def _past_long_line(stream: BinaryIO, data: bytes, clip: Callable[[bytes, int], str]) -> tuple[bytes, int]:
    """``data`` starts a line with no end in sight: read on to its end (or the input's), keeping only its head.
    The clipped line and whatever followed its end, and the bytes read for them."""
    head, skipped, read = data[:BLOCK_BYTES], len(data) - BLOCK_BYTES, 0
    while True:
        piece = stream.read(BLOCK_BYTES)
        read += len(piece)
        end = piece.find(b"\n")
        if end >= 0 or not piece:
            skipped += end if end >= 0 else len(piece)
            rest = piece[end:] if end >= 0 else b"\n"
            return clip(head, skipped).encode() + rest, read
        skipped += len(piece)


def _after(data: bytes, start: int, count: int) -> int:
    """The offset ``count`` lines after ``start`` (or the end)."""
    position = start
    for _ in range(count):
        found = data.find(b"\n", position)
        if found < 0:
            return len(data)
        position = found + 1
    return position


def _before(data: bytes, start: int, count: int) -> int:
    """The offset of the line ``count`` lines before the one at ``start`` (or the block's start)."""
    position = start
    for _ in range(count):
        if position <= 0:
            return 0
        position = data.rfind(b"\n", 0, position - 1) + 1
    return position


class _Recent:
    """The last lines of the input, across blocks: read at the end as the log's (and its last step's) tail."""

    def __init__(self) -> None:
        self.first, self.data = 1, b""

    def add(self, first: int, data: bytes, lines: int) -> None:
        """``data`` (``lines`` lines from number ``first``) comes next: keep the last lines of all seen."""
        piece = data[_before(data, len(data), steps.TAIL_LINES):]
        joined = self.data + piece if piece.count(b"\n") < steps.TAIL_LINES else piece
        kept = joined[_before(joined, len(joined), steps.TAIL_LINES):]
        self.first = first + lines - kept.count(b"\n") - (not kept.endswith(b"\n"))
        self.data = kept

    def get(self) -> tuple[int, bytes]:
        return self.first, self.data
