"""Application logs (the error_logs and info_logs profiles): python logging, log4j/logback, syslog, JSON
lines with a level field, nginx and PostgreSQL.

Their levels decide priority: fatal and critical are critical, error high, warning medium, info low,
debug and trace verbose.
"""
from __future__ import annotations

import json

from ..reader import without_lone_surrogates
from .rules import C, Family, H, M, Rewriter, V, rule

_LEVEL_KEYS = ("level", "severity", "lvl", "levelname", "log.level", "@l")
_MESSAGE_KEYS = ("message", "msg", "@m", "@mt", "text", "event")


def json_rewriter() -> Rewriter:
    """A JSON record becomes ``LEVEL message key=value…``: the level for the rules, the fields for the reader."""

    def rewrite(text: str) -> str:
        if not text.startswith("{") or not text.endswith("}"):
            return text
        try:
            record = json.loads(text)
        except ValueError:
            return text
        if not isinstance(record, dict):
            return text
        level = next((str(record.pop(k)) for k in _LEVEL_KEYS if k in record), "")
        if not level:
            return text
        message = next((str(record.pop(k)) for k in _MESSAGE_KEYS if k in record), "")
        for key in ("time", "timestamp", "ts", "@t", "@timestamp"):
            record.pop(key, None)
        extra = " ".join(f"{k}={_last_line(v)}" for k, v in record.items() if not isinstance(v, (dict, list)))
        return without_lone_surrogates(" ".join(part for part in (level.upper(), message, extra) if part))

    return rewrite


def _last_line(value: object) -> str:
    """A multi-line field (a formatted traceback) by its last line: the exception that was raised."""
    text = str(value)
    if "\n" not in text:
        return text
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


_AT = r"(?:^|[\s|:<(])"  # a level word stands alone: "ERROR", "<ERROR>", "ERROR:"
_END = r"(?=[\s\]|:>)]|$)"


# PostgreSQL: "2026-11-20 10:15:42.123 UTC [4242] ERROR:  …" then DETAIL/HINT/STATEMENT lines of the same entry.
_PG = r"^(?:\S+ \S+ \S+ )?(?:\[\d+\] )?(?:\S+@\S+ )?"
_PG_MORE = _PG + r"(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):  "


def _level(upper: str, lower: str) -> str:
    """Upper-case level words anywhere they stand alone; lower-case ones only in ``[error]`` or ``level=error``."""
    return rf"{_AT}(?:{upper}){_END}|(?<!#)\[(?:{lower})\]|\blevel=(?:{lower})\b"


# An access log line (nginx, Apache, common/combined format) answered with a 5xx: an error, keyed by its status.
_ACCESS_5XX = r'^\S+ \S+ \S+ \[[^\]]+\] "[A-Z]+ \S+[^"]*" 5\d\d '


APPLOGS = Family(
    "applogs",
    (
        rule("access-5xx", _ACCESS_5XX, H, "http_error"),
        rule("postgres-fatal", _PG + r"(?:PANIC|FATAL):  ", C, "fatal", "gutter", _PG_MORE),
        rule("postgres-error", _PG + r"ERROR:  ", H, "error", "gutter", _PG_MORE),
        rule("level-fatal", _level("FATAL|CRITICAL|CRIT|EMERG(?:ENCY)?|ALERT", "fatal|critical|crit|emerg|alert"),
             C, "fatal"),
        rule("level-error", _level("ERROR|ERR|SEVERE", "error|err") + r"|\[\w+:error\]", H, "error"),
        rule("level-warning", _level("WARN(?:ING)?", "warn(?:ing)?"), M, "warning"),
        rule("level-debug", _level("DEBUG|TRACE|FINE(?:R|ST)?", "debug|trace"), V, "debug"),
    ),
    signals=("fatal", "crit", "emerg", "alert", "err", "severe", "warn", "debug", "trace", '" 5'),
    rewriter=json_rewriter,
)
