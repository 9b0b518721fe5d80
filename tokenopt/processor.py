"""StreamLogProcessor: one streaming pass per input, from raw bytes to folded patterns, in bounded memory;
several inputs in parallel worker processes, merged into what one pass over them in order would give."""
from __future__ import annotations

import copy
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from . import profiles
from .dedup import Folder
from .finder import rank
from .formats import FAMILIES, Classifier, Family, without
from .model import Collected, Line
from .reader import LineReader, Source, auto_chunk_size, expand_sources
from .redact import Redactor
from .scan import Anchors, anchors_for, read_bulk
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
        self._anchor_cache: Anchors | None = None

    def process(self, log_files: str | list[str] | tuple[str, ...]) -> Collected:
        patterns = (log_files,) if isinstance(log_files, str) else tuple(log_files)
        return self.process_sources(expand_sources(patterns))

    def process_sources(self, sources: list[Source]) -> Collected:
        workers = self._workers(sources)
        if workers > 1:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                parts = list(pool.map(_run_task, [_Task(source, self) for source in sources]))
        else:
            parts = [self.read(source) for source in sources]
        return self.combine([source.name for source in sources], parts)

    def read(self, source: Source) -> Part:
        """One input, start to end: its own redaction state, steps, blocks and folds. A large one is read in bulk
        (only the windows worth reading are decoded line by line), a small one line by line and kept whole."""
        redactor = copy.deepcopy(self.redactor)  # a mask registered in one job's log is that log's
        reader = LineReader(self.max_line_bytes, redactor)
        steps = StepTracker()
        classifier = Classifier(self.families, steps, redactor.detached())
        folder = Folder()
        if self._large(source):
            volume, sample = read_bulk(source, reader, classifier, folder, self.counter, self._anchors())
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

    def _anchors(self) -> Anchors:
        if self._anchor_cache is None:
            self._anchor_cache = anchors_for(self.families)
        return self._anchor_cache

    def _profile(self, parts: list[Part]) -> profiles.Profile:
        """The forced profile, or the one the first lines of the inputs look like."""
        if self.profile_name != "auto":
            return profiles.get(self.profile_name)
        sample = [line for part in parts for line in part.sample][:profiles.SAMPLE_LINES]
        return profiles.detect(sample)

    def _workers(self, sources: list[Source]) -> int:
        if len(sources) < 2 or any(source.path is None for source in sources):  # stdin is this process's
            return 1
        if self.workers:
            return min(self.workers, len(sources))
        big_enough = sum(source.size for source in sources) >= PARALLEL_BYTES
        return min(os.cpu_count() or 1, len(sources)) if big_enough else 1

    def combine(self, names: list[str], parts: list[Part]) -> Collected:
        """The inputs' parts merged into what one pass over them in order would give."""
        profile = self._profile(parts)
        folder, volume, notes, framings = Folder(mine_templates=profile.mine_templates), Volume(), [], []
        unread = [name for part in parts for name in part.unread]
        whole: list[Line] | None = []
        for part in parts:
            folder.merge(part.folder)
            volume.merge(part.volume)
            notes += part.notes
            framings += part.framings
            whole = whole + part.whole if whole is not None and part.whole is not None else None
        if whole is not None and volume.chars > self.whole_chars:
            whole = None
        patterns = folder.ordered()
        rank(patterns, framings)
        return Collected(
            patterns=patterns, tallies=folder.tallies, input_bytes=sum(part.bytes_read for part in parts),
            input_lines=volume.lines, input_chars=volume.chars, input_tokens=volume.estimate,
            input_tokens_exact=volume.exact, sources=names, notes=notes, profile=profile.name,
            framings=framings, whole=whole, unread=unread)


class _Task:
    """One input for a worker process, with what it needs to read it as the parent would (picklable)."""

    def __init__(self, source: Source, processor: StreamLogProcessor) -> None:
        self.source = source
        self.chunk_size, self.max_line_bytes = processor.chunk_size, processor.max_line_bytes
        self.encoding, self.encoding_dir = processor.counter.name, processor.encoding_dir
        self.allow_estimate = not processor.counter.exact
        self.redactor, self.whole_chars = processor.redactor, processor.whole_chars
        names = {family.name for family in processor.families}
        self.families_off = tuple(family.name for family in FAMILIES if family.name not in names)


def _run_task(task: _Task) -> Part:
    counter = load_counter(task.encoding, task.encoding_dir, task.allow_estimate)
    processor = StreamLogProcessor(task.chunk_size, task.max_line_bytes, counter=counter,
                                   redactor=task.redactor, families=without(task.families_off),
                                   whole_chars=task.whole_chars, encoding_dir=task.encoding_dir)
    return processor.read(task.source)
