"""StreamLogProcessor: one streaming pass from sources to folded patterns, in bounded memory."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from . import profiles
from .dedup import Folder
from .formats import Classifier
from .model import Collected, Line
from .reader import LineReader, Source, auto_chunk_size, expand_sources
from .redact import Redactor
from .tokens import Counter, load_counter

EXACT_INPUT_CHARS = 4_000_000  # count every input token up to here, then sample
SAMPLE_EVERY = 50


class StreamLogProcessor:
    """Reads, classifies and folds logs chunk by chunk; memory is bounded by the chunk and the pattern caps."""

    def __init__(self, chunk_size: int = 0, max_line_bytes: int = 65_536, profile: str = "auto",
                 counter: Counter | None = None, encoding: str = "cl100k_base",
                 redactor: Redactor | None = None) -> None:
        self.chunk_size = chunk_size
        self.max_line_bytes = max_line_bytes
        self.profile_name = profile
        self.counter = counter or load_counter(encoding)
        self.redactor = redactor or Redactor()

    def process(self, log_files: str | list[str] | tuple[str, ...]) -> Collected:
        patterns = (log_files,) if isinstance(log_files, str) else tuple(log_files)
        return self.process_sources(expand_sources(patterns))

    def process_sources(self, sources: list[Source]) -> Collected:
        reader = LineReader(self.max_line_bytes, self.redactor)
        chunks = reader.chunks(sources, self.chunk_size or auto_chunk_size(sources))
        sample, chunks = _take_sample(chunks, profiles.SAMPLE_LINES)
        profile = profiles.detect(sample) if self.profile_name == "auto" else profiles.get(self.profile_name)
        classifier, folder = Classifier(), Folder(mine_templates=profile.context_by_count)
        volume = _Volume(self.counter)
        for chunk in chunks:
            volume.add(chunk)
            folder.extend(classifier.feed(chunk))
        folder.extend(classifier.finish())
        volume.add_unread(reader.clipped_bytes)
        return Collected(
            patterns=folder.ordered(), tallies=folder.tallies, input_bytes=reader.bytes_read,
            input_lines=volume.lines, input_chars=volume.chars, input_tokens=volume.estimate,
            input_tokens_exact=volume.exact,
            sources=[s.name for s in sources], notes=reader.notes, profile=profile.name, unread=reader.unread)


class _Volume:
    """Input size in lines, characters and tokens: exact for the first megabytes, sampled after."""

    def __init__(self, counter: Counter) -> None:
        self.counter = counter
        self.lines = self.chars = self.tokens = self.counted_chars = 0
        self.exact = counter.exact

    def add(self, chunk: list[Line]) -> None:
        text_chars = 0
        for line in chunk:
            text_chars += len(line.text) + 1
        self.lines += len(chunk)
        self.chars += text_chars
        if self.counted_chars + text_chars <= EXACT_INPUT_CHARS:
            self.tokens += self.counter.count("\n".join(line.text for line in chunk) + "\n")
            self.counted_chars += text_chars
        else:
            self.exact = False
            picked = chunk[::SAMPLE_EVERY]
            self.tokens += self.counter.count("\n".join(line.text for line in picked) + "\n")
            self.counted_chars += sum(len(line.text) + 1 for line in picked)

    def add_unread(self, size: int) -> None:
        """Text that was skipped (clipped lines) still counts toward the input, at the measured rate."""
        if size:
            self.chars += size
            self.exact = False

    @property
    def estimate(self) -> int:
        if not self.counted_chars:
            return 0
        return round(self.tokens * self.chars / self.counted_chars)


def _take_sample(chunks: Iterator[list[Line]], size: int) -> tuple[list[Line], Iterator[list[Line]]]:
    """The first ``size`` lines for profile detection, and the stream with those chunks put back."""
    taken: list[list[Line]] = []
    count = 0
    for chunk in chunks:
        taken.append(chunk)
        count += len(chunk)
        if count >= size:
            break
    sample = [line for chunk in taken for line in chunk][:size]
    return sample, chain(taken, chunks)
