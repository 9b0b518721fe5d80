"""Credentials out of every line before anything is kept.

Only formats with a distinctive shape are matched (fixed prefixes, URL userinfo, explicit
assignments), because generic entropy rules flag ordinary log content. A keyword pre-filter keeps the
cost off the lines that cannot hold a secret. Markers name the kind, never the value, and redacting
twice changes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b")),
    ("aws-access-key-id", re.compile(r"\b(?:AKIA|ASIA)[A-Z2-7]{16}\b")),
    ("slack-token", re.compile(r"\bxox[abpors]-[A-Za-z0-9-]{10,}")),
    ("anthropic-key", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{20,}")),
    ("openai-key", re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}")),
    ("gitlab-token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}")),
    ("npm-token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
    ("pypi-token", re.compile(r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
    ("private-key", re.compile(r"-----BEGIN[A-Z ]*PRIVATE KEY-----")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")),
    ("url-password", re.compile(r"(?<=://)[^\s:/@]+:[^\s@/]+(?=@)")),
    ("authorization", re.compile(r"(?i)(?<=authorization: )(?:bearer|basic|token) [^\s\"']+")),
    ("assignment", re.compile(
        r"(?i)(?<![A-Za-z0-9])(?:[A-Za-z0-9_]*?(?:password|passwd|secret|token|api_?key))"
        r"(?:\"?\s*[:=]\s*\"?)(?!\[REDACTED)([^\s\"',;]{6,})")),
)

# Searched in the lower-cased line: a case-insensitive alternation costs several times more.
_KEYWORDS = re.compile(
    r"gh[pousr]_|github_pat_|akia|asia|xox|sk-|glpat-|npm_|pypi-|private key|eyj|://|authorization|"
    r"passw|secret|token|api_?key"
)
_MASK_COMMAND = re.compile(r"::add-mask::(.+)$")


@dataclass
class Redactor:
    """Redacts known credential shapes plus values registered at run time (``::add-mask::``, user values)."""

    extra_values: list[str] = field(default_factory=list)
    count: int = 0

    def register(self, value: str) -> None:
        value = value.strip()
        if len(value) >= 4 and value not in self.extra_values:
            self.extra_values.append(value)
            self.extra_values.sort(key=len, reverse=True)

    def __call__(self, text: str) -> str:
        masked = _MASK_COMMAND.search(text)
        if masked:
            self.register(masked.group(1))
        for value in self.extra_values:
            if value in text:
                text = text.replace(value, "[REDACTED:masked]")
                self.count += 1
        if not _KEYWORDS.search(text.lower()):
            return text
        for kind, pattern in _RULES:
            text, hits = pattern.subn(_marker(kind, pattern), text)
            self.count += hits
        return text


def _marker(kind: str, pattern: re.Pattern[str]):  # type: ignore[no-untyped-def]
    label = f"[REDACTED:{kind}]"
    if pattern.groups:
        def keep_name(match: re.Match[str]) -> str:
            start, end = match.span(1)
            whole = match.group(0)
            offset = match.start(0)
            return whole[: start - offset] + label + whole[end - offset:]
        return keep_name
    return label
