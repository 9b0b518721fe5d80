"""The job summary and the PR comment: rendered from Jinja templates, shrunk to GitHub's hard limits.

A step summary over 1 MiB is dropped whole by GitHub, a comment over 65,536 characters is refused: so
both are rendered, measured, and re-rendered with a smaller digest and fewer table rows until they fit,
never cut blindly.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from . import github, workflow
from .budget import Fitted
from .digest import digest, error_types, headline
from .model import RESULT_KINDS, Priority
from .optimizer import Result
from .render import load_template, render
from .tokens import load_counter

SUMMARY_LIMIT = workflow.SUMMARY_LIMIT_BYTES - 4_096  # headroom for what other steps append
COMMENT_CHARS, COMMENT_BYTES = 60_000, 250_000  # the API's 65,536 characters, with a reserve
TABLE_ROWS = 50
SHRINK_STEPS = 8


@dataclass
class Report:
    result: Result
    title: str
    workspace: str = ""  # paths under it are shown relative to it (a runner's GITHUB_WORKSPACE)

    @property
    def headline(self) -> str:
        return headline(self.result.collected)

    @property
    def critical(self) -> list[Any]:
        return [p for p in self.result.collected.patterns if p.priority == Priority.CRITICAL]

    @property
    def critical_count(self) -> int:
        return len(self.critical)

    @property
    def new_count(self) -> int:
        patterns = self.result.collected.patterns
        if not any(p.history for p in patterns):  # a first run is the baseline: nothing is "new" yet
            return 0
        return sum(1 for p in patterns if p.priority >= Priority.HIGH and p.new and p.event.kind not in RESULT_KINDS)

    @property
    def fingerprint(self) -> str:
        """What the comment says, as a hash: "on-change" comments only when this changes."""
        ids = sorted(p.id or p.key for p in self.result.collected.patterns if p.priority >= Priority.HIGH)
        return hashlib.sha1("\n".join(ids).encode()).hexdigest()[:16]

    def summary(self, template: str = "") -> str:
        return self._fit(load_template(template, "summary.md.j2"),
                         lambda text: len(text.encode("utf-8")) <= SUMMARY_LIMIT)

    def comment(self) -> str:
        return self._fit(load_template("", "comment.md.j2"),
                         lambda text: len(text) <= COMMENT_CHARS and len(text.encode("utf-8")) <= COMMENT_BYTES)

    def _fit(self, template: Any, fits: Any) -> str:
        fitted, rows = self.result.fitted, TABLE_ROWS
        text = render(template, self._context(fitted, rows))
        for _ in range(SHRINK_STEPS):
            if fits(text):
                return text
            size = len(text.encode("utf-8"))
            fitted = self._smaller_digest(fitted, share=0.8 * (SUMMARY_LIMIT if size > SUMMARY_LIMIT else
                                                               COMMENT_CHARS) / size)
            rows = max(5, rows // 2)
            text = render(template, self._context(fitted, rows))
        return text if fits(text) else render(template, self._context(self._smaller_digest(fitted, 0.0), 0))

    def _smaller_digest(self, fitted: Fitted, share: float) -> Fitted:
        settings = self.result.settings
        budget = max(1, int(fitted.tokens * min(share, 0.9)))
        counter = load_counter(settings.encoding, settings.encoding_dir, settings.allow_estimate)
        return digest(self.result.collected, settings.merged({"budget": budget}), counter)

    def _context(self, fitted: Fitted, rows: int) -> dict[str, Any]:
        result = self.result
        failures = sorted(self.critical, key=lambda p: (not p.new, p.order))
        counter = load_counter(result.settings.encoding, result.settings.encoding_dir, result.settings.allow_estimate)
        used: dict[str, int] = {}
        for item in fitted.items:
            name = item.pattern.priority.label
            used[name] = used.get(name, 0) + counter.count(item.plain())
        return {
            "title": self.title, "marker": github.comment_marker(self.title), "headline": self.headline,
            "failed": result.worst() is not None and result.worst() == Priority.CRITICAL,
            "failures": failures[:rows], "more_failures": max(0, len(failures) - rows),
            "error_types": error_types(result.collected), "tokens_by_priority": used,
            "tokens": fitted.tokens, "budget": result.settings.budget, "input_tokens": result.collected.input_tokens,
            "input_exact": result.collected.input_tokens_exact, "encoding": result.settings.encoding,
            # A digest cut at a token boundary may end inside a code span: shown as a block, never as Markdown.
            "digest": fitted.text, "digest_shrunk": fitted.tokens < result.fitted.tokens, "digest_cut": fitted.cut,
            "has_history": any(p.history for p in result.collected.patterns),
            "new_count": self.new_count, "sources": result.collected.sources, "labels": result.collected.labels,
            "fixed": result.memory.fixed, "workspace": self.workspace,
        }
