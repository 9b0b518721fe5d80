"""An input's size in lines, characters and tokens: exact for its first megabytes, sampled after."""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Line
from .tokens import Counter

EXACT_INPUT_CHARS = 4_000_000  # per input: count every token up to here, then sample
SAMPLE_EVERY = 50


@dataclass
class Volume:
    """An input's size in lines, characters and tokens: exact for its first megabytes, sampled after."""

    lines: int = 0
    chars: int = 0
    tokens: int = 0
    counted_chars: int = 0
    exact: bool = True
    estimated: int = field(default=0)  # the token estimate of merged inputs

    def add(self, chunk: list[Line], counter: Counter) -> None:
        text_chars = sum(len(line.text) + 1 for line in chunk)
        self.lines += len(chunk)
        self.chars += text_chars
        self.exact = self.exact and counter.exact
        if self.counted_chars + text_chars <= EXACT_INPUT_CHARS:
            self.tokens += counter.count("\n".join(line.text for line in chunk) + "\n")
            self.counted_chars += text_chars
        else:
            self.exact = False
            picked = chunk[::SAMPLE_EVERY]
            self.tokens += counter.count("\n".join(line.text for line in picked) + "\n")
            self.counted_chars += sum(len(line.text) + 1 for line in picked)

    def add_unread(self, size: int) -> None:
        """Text that was skipped (clipped lines) still counts toward the input, at the measured rate."""
        if size:
            self.chars += size
            self.exact = False

    def bulk(self, lines: int, size: int, sampled_tokens: int, sampled_chars: int) -> None:
        """An input read in bulk: its lines and bytes counted, its tokens estimated from a sample."""
        self.lines, self.chars = lines, size
        self.tokens, self.counted_chars = sampled_tokens, sampled_chars
        self.exact = False

    def merge(self, other: Volume) -> None:
        self.lines += other.lines
        self.chars += other.chars
        self.exact = self.exact and other.exact
        self.estimated += other.estimate

    @property
    def estimate(self) -> int:
        own = round(self.tokens * self.chars / self.counted_chars) if self.counted_chars else 0
        return self.estimated + own
