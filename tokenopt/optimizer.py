"""EnhancedTokenOptimizer: the whole pipeline, from Settings to a digest that fits its budget."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from .budget import Fitted
from .digest import digest
from .fingerprint import short_id
from .formats import bare_test_id, without
from .memory import Memory, recall
from .model import RESULT_KINDS, Collected, Pattern, Priority
from .origins import place
from .output import write_digest
from .processor import StreamLogProcessor
from .reader import expand_sources
from .runs import Access, job_logs
from .settings import Settings
from .tokens import Counter, load_counter

# A log of N tokens has fewer than ~8N characters (Loghub averages 2.6 per cl100k token): lines are kept for
# passing the log through whole only while it may still fit.
WHOLE_CHARS_PER_TOKEN, WHOLE_MAX_CHARS = 8, 4_000_000


@dataclass
class Result:
    """One run's digest and figures; ``summary()`` is the JSON document and the Python API's dict."""

    settings: Settings
    collected: Collected
    fitted: Fitted
    counter_exact: bool
    seconds: float
    output_path: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # state files that could not be used (also in the notes)
    memory: Memory = field(default_factory=Memory)  # what the job's history says of this run's failures

    @property
    def digest(self) -> str:
        return self.fitted.text

    @property
    def compression_ratio(self) -> float:
        """Digest tokens as a share of input tokens (0.02 means the digest is 2% of the input)."""
        return self.fitted.tokens / self.collected.input_tokens if self.collected.input_tokens else 0.0

    def worst(self) -> Priority | None:
        """The most severe problem found; a result line ("5 passed") is not one, whatever its priority."""
        seen = [p.priority for p in self.collected.patterns if p.event.kind not in RESULT_KINDS]
        if self.collected.tallies[Priority.CRITICAL].overflow:
            seen.append(Priority.CRITICAL)
        return max(seen) if seen else None

    def fails(self, fail_on: str, ignore_flaky: bool = False) -> bool:
        """Whether ``--fail-on`` / ``fail-on`` is met: a problem this severe or worse was found (``new``: a
        failure this job never had; ``regression``: one it did not have in its previous run), or nothing could
        be read at all (a policy that asked to be told about failures is never met by silence). Flaky
        failures count only without ``ignore_flaky``."""
        if fail_on == "never":
            return False
        if self.collected.nothing_read:
            return True
        failures = [p for p in self.collected.patterns if p.event.kind not in RESULT_KINDS
                    and not (ignore_flaky and p.verdict == "flaky")]
        if fail_on in ("new", "regression"):  # a run without history: every failure is new
            critical = [p for p in failures if p.priority == Priority.CRITICAL]
            return any(p.new is not False or (fail_on == "regression" and p.regression) for p in critical)
        threshold = Priority.parse(fail_on)
        return any(p.priority >= threshold for p in failures) or (
            self.collected.tallies[Priority.CRITICAL].overflow > 0 and not ignore_flaky)

    def summary(self) -> dict[str, Any]:
        kept = {id(item.pattern): item for item in self.fitted.items}
        priorities = {}
        for priority, tally in sorted(self.collected.tallies.items(), reverse=True):
            omitted = self.fitted.omitted.get(priority)
            shown = [i for i in self.fitted.items if i.pattern.priority == priority]
            priorities[priority.label] = {
                "seen_events": tally.events, "seen_patterns": tally.patterns + tally.overflow,
                "kept_patterns": len(shown), "kept_events": sum(i.pattern.count for i in shown),
                "dropped_patterns": (omitted.patterns if omitted else 0) + tally.overflow,
                "trimmed": omitted.trimmed if omitted else 0,
            }
        return {
            "digest": self.digest, "tokens": self.fitted.tokens, "estimated_tokens": self.fitted.tokens,
            "tokens_exact": self.counter_exact, "budget": self.settings.budget,
            "encoding": self.settings.encoding, "profile": self.collected.profile,
            "sources": self.collected.sources, "input_bytes": self.collected.input_bytes,
            "input_lines": self.collected.input_lines, "input_tokens": self.collected.input_tokens,
            "input_tokens_estimated": not self.collected.input_tokens_exact,
            "compression_ratio": round(self.compression_ratio, 6),
            "reduction": round(1 - self.compression_ratio, 6) if self.collected.input_tokens else 0.0,
            "cut_to_fit": self.fitted.cut, "priorities": priorities,
            "events": [_event_json(item.pattern, self.collected.labels) for item in self.fitted.items
                       if id(item.pattern) in kept],
            "verdicts": self.memory.counts(), "notes": self.collected.notes, "seconds": round(self.seconds, 3),
            "output_path": self.output_path,
            **self.extra,
        }


class EnhancedTokenOptimizer:
    """The Python API: ``summary, path = EnhancedTokenOptimizer(max_token_budget=2000).process_logs("x.log")``."""

    def __init__(self, max_token_budget: int | None = None, settings: Settings | None = None,
                 **options: Any) -> None:
        base = settings or Settings()
        if max_token_budget is not None:
            options["budget"] = max_token_budget
        self.settings = base.merged(options, "keyword argument {name}") if options else base

    def process_logs(self, log_files: str | list[str] | tuple[str, ...] | None = None) -> tuple[dict[str, Any], str]:
        """Digest ``log_files`` (or the configured ones), write it, return (summary, where it was written)."""
        settings = self.settings
        if log_files is not None:
            files = [log_files] if isinstance(log_files, str) else list(log_files)
            settings = settings.merged({"log_file": files})
        result = self.run(settings)
        return result.summary(), result.output_path

    def run(self, settings: Settings | None = None, access: Access | None = None, run_page: str = "") -> Result:
        """One digest of the log files and, with ``settings.run``, of the run's job logs (read with ``access``);
        ``run_page``: the run the log files were written in (the runner's context), for links to it."""
        settings = settings or self.settings
        started = time.perf_counter()
        counter = load_counter(settings.encoding, settings.encoding_dir, settings.allow_estimate)
        processor = processor_for(settings, counter)
        files = expand_sources(settings.log_file) if settings.log_file or not settings.run else []
        with job_logs(settings.run, settings.repository, settings.jobs, access) as fetched:
            collected = processor.process_sources([*fetched.sources(), *files])
        collected.notes[:0] = fetched.notes
        place(collected, fetched.origins(), run_page)
        extra = {"run": fetched.to_json()} if fetched.target else {}
        return finish(settings, collected, counter, started, recall(collected, settings), extra)


def processor_for(settings: Settings, counter: Counter, profile: str = "") -> StreamLogProcessor:
    return StreamLogProcessor(settings.chunk_size, settings.max_line_bytes, profile or settings.profile, counter,
                              families=without(settings.no_recognizer),
                              whole_chars=min(settings.budget * WHOLE_CHARS_PER_TOKEN, WHOLE_MAX_CHARS),
                              workers=settings.workers, encoding_dir=settings.encoding_dir)


def finish(settings: Settings, collected: Collected, counter: Counter, started: float, memory: Memory,
           extra: dict[str, Any]) -> Result:
    """The digest of what was collected, written where the settings say, and what the job's memory says of it."""
    fitted = digest(collected, settings, counter, memory.fixed)
    result = Result(settings, collected, fitted, counter.exact, time.perf_counter() - started, extra=extra,
                    memory=memory)
    result.output_path = write_digest(result, settings)
    collected.notes.extend(memory.save())
    result.warnings = memory.warnings
    return result


def _event_json(pattern: Pattern, labels: dict[str, str]) -> dict[str, Any]:
    event = pattern.event
    jobs = [{"source": source, "job": labels.get(source, source), "count": seen.count, "line": seen.line,
             "url": seen.link.url if seen.link else "", "differs": list(seen.differs)}
            for source, seen in pattern.sources.items()]
    return {"id": pattern.id or short_id(pattern.key), "new": pattern.new, "verdict": pattern.verdict,
            "history": pattern.history, "first_seen": pattern.first_seen, "runs_seen": pattern.runs_seen,
            "priority": event.priority.label, "kind": event.kind, "message": event.message,
            "location": event.location, "test_id": bare_test_id(event.test_label) or event.test_id, "step": event.step,
            "count": pattern.count, "first": pattern.first, "last": pattern.last, "jobs": jobs}
