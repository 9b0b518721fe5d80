"""StreamLogProcessor: one streaming pass per input, from raw bytes to folded patterns, in bounded memory;
several inputs in parallel worker processes, merged into what one pass over them in order would give.

Each input's part is merged as soon as it is read, in order, and let go: memory does not grow with the number
of inputs. On Linux the workers are forked, so they start with the encoding and the compiled anchors already
loaded (and share those pages with the parent); elsewhere they are spawned and load them once per worker."""
from __future__ import annotations

import copy
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import profiles
from .dedup import Folder
from .finder import rank
from .formats import FAMILIES, Classifier, Family, without
from .model import Collected, Line
from .reader import LineReader, Source, auto_chunk_size, expand_sources
from .redact import Redactor
from .scan import anchors_for, read_bulk
from .steps import Framing, StepTracker
from .tokens import Counter, load_counter
from .volume import Volume

PARALLEL_BYTES = 16 * 1024 * 1024  # below this much input, starting worker processes costs more than it saves
BULK_BYTES = 8 * 1024 * 1024  # a larger input (or a compressed one past a megabyte) is read in bulk


@dataclass
class Part:
    """What one input gave: its folded patterns, its framing, its volume, its notes, its lines while small."""

    source: str
    folder: Folder
    framings: list[Framing]
    volume: Volume
    notes: list[str]
    bytes_read: int
    whole: list[Line] | None
    sample: list[Line]  # its first lines, for choosing the profile
    unread: list[str]  # inputs (or members) of which nothing could be read


class StreamLogProcessor:
    """Reads, classifies and folds logs; memory is bounded by the chunk, the pattern caps and the workers."""

    def __init__(self, chunk_size: int = 0, max_line_bytes: int = 65_536, profile: str = "auto",
                 counter: Counter | None = None, encoding: str = "cl100k_base",
                 redactor: Redactor | None = None, families: tuple[Family, ...] = FAMILIES,
                 whole_chars: int = 0, workers: int = 1, encoding_dir: tuple[str, ...] = (),
                 bulk_bytes: int = BULK_BYTES) -> None:
        self.chunk_size = chunk_size
        self.max_line_bytes = max_line_bytes
        self.profile_name = profile
        self.counter = counter or load_counter(encoding, encoding_dir)
        self.encoding_dir = encoding_dir
        self.redactor = redactor or Redactor()
        self.families = families
        self.whole_chars = whole_chars  # keep every line up to this many characters (a log small enough to show)
        self.workers = workers  # 0: as many as the machine has cores, when the input is large enough to gain
        self.bulk_bytes = bulk_bytes  # inputs larger than this (and than whole_chars) are read in bulk

    def process(self, log_files: str | list[str] | tuple[str, ...]) -> Collected:
        patterns = (log_files,) if isinstance(log_files, str) else tuple(log_files)
        return self.process_sources(expand_sources(patterns))

    def process_sources(self, sources: list[Source]) -> Collected:
        return self.combine([source.name for source in sources], self._parts(sources))

    def combine(self, names: list[str], parts: Iterable[Part]) -> Collected:
        """The inputs' parts merged in order into what one pass over them would give, each let go once merged
        (parts of logs read here or by workers, or of jobs collected elsewhere)."""
        merged = _Merged()
        for part in parts:
            merged.add(part, self.whole_chars)
        return merged.collected(names, self._profile(merged.sample))

    def _parts(self, sources: list[Source]) -> Iterator[Part]:
        """Each input's part, in the inputs' order: read here, or by worker processes when that gains."""
        workers = self._workers(sources)
        if workers < 2:
            yield from (self.read(source) for source in sources)
            return
        import multiprocessing  # only a parallel run pays for these imports
        from concurrent.futures import ProcessPoolExecutor

        if any(self._large(source) for source in sources):
            anchors_for(self.families)  # compiled once here: forked workers inherit it
        context = multiprocessing.get_context("fork" if _forks_safely() else "spawn")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_adopt, initargs=(self,)) as pool:
            yield from pool.map(_read_in_worker, sources)

    def __getstate__(self) -> dict[str, Any]:
        """What a spawned worker needs to read as this processor does: the encoding and the families by name
        (loaded again there), everything else as it is. A forked worker inherits the processor unpickled."""
        state = dict(self.__dict__)
        state["counter"] = (self.counter.name, not self.counter.exact)
        names = {family.name for family in self.families}
        state["families"] = tuple(family.name for family in FAMILIES if family.name not in names)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        name, allow_estimate = state["counter"]
        state["counter"] = load_counter(name, state["encoding_dir"], allow_estimate)
        state["families"] = without(state["families"])
        self.__dict__.update(state)

    def read(self, source: Source) -> Part:
        """One input, start to end: its own redaction state, steps, blocks and folds. A large one is read in bulk
        (only the windows worth reading are decoded line by line), a small one line by line and kept whole."""
        redactor = copy.deepcopy(self.redactor)  # a mask registered in one job's log is that log's
        reader = LineReader(self.max_line_bytes, redactor)
        steps = StepTracker()
        classifier = Classifier(self.families, steps, redactor.detached())
        folder = Folder()
        if self._large(source):
            volume, sample = read_bulk(source, reader, classifier, folder, self.counter, anchors_for(self.families))
            whole = None
        else:
            volume, sample, whole = self._read_lines(source, reader, classifier, folder)
        volume.add_unread(reader.clipped_bytes)
        # What is kept was composed from several lines (a failure's label and its assertion, a template and
        # its example): one more pass over it, with every value registered by the end of the input.
        again = redactor.detached()
        for pattern in folder.patterns.values():
            again.redact_event(pattern.event)
        if not volume.lines and reader.notes and source.name not in reader.unread:
            reader.unread.append(source.name)  # read in bulk: nothing came of it, and a note says why
        elif not volume.lines and not reader.notes:  # read, and nothing in it: "no failures" must not read as a pass
            reader.notes.append(f"{source.name}: empty, no lines in it")
        return Part(source.name, folder, steps.framings(), volume, reader.notes, reader.bytes_read,
                    whole if not reader.clipped_bytes else None, sample, reader.unread)

    def _read_lines(self, source: Source, reader: LineReader, classifier: Classifier, folder: Folder
                    ) -> tuple[Volume, list[Line], list[Line] | None]:
        volume, sample = Volume(), list[Line]()
        whole: list[Line] | None = []
        for chunk in reader.chunks([source], self.chunk_size or auto_chunk_size([source])):
            volume.add(chunk, self.counter)
            folder.extend(classifier.feed(chunk))
            if len(sample) < profiles.SAMPLE_LINES:
                sample += chunk[:profiles.SAMPLE_LINES - len(sample)]
            if whole is not None and volume.chars <= self.whole_chars:
                whole.extend(chunk)
            else:
                whole = None
        folder.extend(classifier.finish())
        return volume, sample, whole

    def _large(self, source: Source) -> bool:
        if source.path is None:
            return False
        if source.name.endswith((".gz", ".zip")):
            return source.size > min(self.bulk_bytes, 1024 * 1024)
        return source.size > max(self.bulk_bytes, self.whole_chars)

    def _profile(self, sample: list[Line]) -> profiles.Profile:
        """The forced profile, or the one the first lines of the inputs look like."""
        if self.profile_name != "auto":
            return profiles.get(self.profile_name)
        return profiles.detect(sample)

    def _workers(self, sources: list[Source]) -> int:
        if len(sources) < 2 or any(source.path is None for source in sources):  # stdin is this process's
            return 1
        if self.workers:
            return min(self.workers, len(sources))
        big_enough = sum(source.size for source in sources) >= PARALLEL_BYTES
        return min(os.cpu_count() or 1, len(sources)) if big_enough else 1


class _Merged:
    """The parts read so far, merged in order: one folder, one volume, the notes and framings, the first lines
    (for choosing the profile) and the whole text while the inputs are small enough to show."""

    def __init__(self) -> None:
        self.folder, self.volume = Folder(), Volume()
        self.notes: list[str] = []
        self.framings: list[Framing] = []
        self.unread: list[str] = []
        self.sample: list[Line] = []
        self.whole: list[Line] | None = []
        self.bytes_read = 0

    def add(self, part: Part, whole_chars: int) -> None:
        self.folder.merge(part.folder)
        self.volume.merge(part.volume)
        self.notes += part.notes
        self.framings += part.framings
        self.unread += part.unread
        self.bytes_read += part.bytes_read
        self.sample += part.sample[:profiles.SAMPLE_LINES - len(self.sample)]
        if self.whole is not None and part.whole is not None and self.volume.chars <= whole_chars:
            self.whole += part.whole
        else:
            self.whole = None  # too much to show whole: nothing more of it is kept

    def collected(self, names: list[str], profile: profiles.Profile) -> Collected:
        self.folder.mine_templates = profile.mine_templates
        patterns = self.folder.ordered()
        rank(patterns, self.framings)
        volume = self.volume
        return Collected(
            patterns=patterns, tallies=self.folder.tallies, input_bytes=self.bytes_read, input_lines=volume.lines,
            input_chars=volume.chars, input_tokens=volume.estimate, input_tokens_exact=volume.exact,
            sources=names, notes=self.notes, profile=profile.name, framings=self.framings,
            whole=self.whole, unread=self.unread)


def _forks_safely() -> bool:
    """Fork where it is the platform's own way (Linux) and no other thread runs: a thread holding a lock at the
    fork (a test's HTTP server, a caller's pool) would leave it held forever in the child."""
    import threading

    return sys.platform == "linux" and threading.active_count() == 1


_WORKER: list[StreamLogProcessor] = []  # the processor a worker process reads with, set once as it starts


def _adopt(processor: StreamLogProcessor) -> None:
    _WORKER.append(processor)


def _read_in_worker(source: Source) -> Part:
    return _WORKER[0].read(source)
