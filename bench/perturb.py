"""A re-run of a real log, simulated: the values a second run of the same job changes are changed, consistently.

A re-run prints other timestamps, durations, addresses, ports, pids, thread ids, temp directories, UUIDs,
random seeds and build numbers; it prints the same tests, error types, file names and line numbers. Each rule
below names the volatile part of a match (the group ``v``) and says how a re-run changes it: times move by one
offset per run, durations scale, everything else is redrawn. The same value always becomes the same new value
within one run (the same pid or address printed twice stays one pid), as a real re-run would print it.

Rules look for a value in the context that makes it volatile (``in 70.86s``, ``(12 ms)``, ``pid 4242``): a
bare number may be a test's parameter, an expected value or a line number, and those are identity. Terminal
escape sequences (``ESC[31m``) are left alone.
"""
from __future__ import annotations

import random
import re
import string
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

TIME_FORMATS = {  # how each timestamp form is parsed and printed again (ISO's and a clock's fraction vary)
    "slash": "%Y/%m/%d %H:%M:%S",  # nginx error log
    "clf": "%d/%b/%Y:%H:%M:%S",  # Apache and nginx access logs
    "ctime": "%a %b %d %H:%M:%S",  # Apache error log (its fraction and year follow)
}

# (rule, regex): the volatile part is the group named after the rule; the rest is the context that makes it so.
RULES: tuple[tuple[str, str], ...] = (
    ("uuid", r"(?P<uuid>\b[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\b)"),
    ("iso", r"(?P<iso>\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?)"),
    ("slash", r"(?P<slash>\b\d{4}/\d\d/\d\d \d\d:\d\d:\d\d)"),
    ("clf", r"(?P<clf>\b\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d)"),
    ("ctime", r"(?P<ctime>\b[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d)(?:\.\d+)? \d{4}"),
    ("clock", r"(?P<clock>(?<![\d:.])\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?![\d:]))"),
    ("epoch_ms", r"(?<!\d)(?P<epoch_ms>1[6-9]\d{11})(?!\d)"),
    ("mmss", r"\bTime: (?P<mmss>\d\d:\d\d\.\d+)"),  # PHPUnit's "Time: 00:01.234"
    # A duration where a tool reports one: "in 70.86s", "(12 ms)", "[3s]", "Time elapsed: 0.5 s", go's "\t0.12s",
    # ctest's "***Failed    0.02 sec", Maven's "Total time:  2.3 s".
    ("duration", r"(?:\b(?:in|took|after|elapsed:?|[Tt]ime:|\(real\) =|Duration:?|Passed|Failed)\s+|[(\[/]\s?|\t)"
                 r"(?P<duration>\d+(?:\.\d+)?)\s?(?:ms|s|sec|secs|seconds|min|minutes|m|h)\b"),
    ("address", r"(?P<address>\b0x[0-9a-fA-F]{6,}\b)"),  # short ones (+0x212, 0x200) are offsets and statuses
    ("sha", r"(?P<sha>(?<![\w/-])[0-9a-f]{40}(?![\w-]))"
            r"|(?:\bcommit |\bHEAD is now at |@)(?P<short_sha>[0-9a-f]{7,12})\b"),
    # An ephemeral port (Linux draws them from 32768-60999): a configured one (:8080, :18099) stays.
    ("port", r"\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1?\]):(?P<port>(?:3[3-9]|[4-6]\d)\d{3})\b"
             r"|\bport (?P<port2>(?:3[3-9]|[4-6]\d)\d{3})\b"),
    ("pid", r"\b(?:pid|PID|process)[ =:]?(?P<pid>\d+)\b|^==(?P<asan_pid>\d+)=="
            r"|(?<![\d#])(?P<nginx_pid>\d+)#(?P<nginx_tid>\d+):"),
    ("tid", r"\btid[ =:]?(?P<tid>\d+)\b|\bgoroutine (?P<goroutine>\d+) \["),
    ("tmp", r"(?:/tmp/|\\Temp\\|/T/)(?:pytest-of-[\w.-]+/pytest-(?P<pytest_run>\d+)|tmp\.?(?P<tmp_name>[\w]{6,10})"
            r"|go-build(?P<go_build>\d+)|cc(?P<cc_name>[\w]{6})\b)"),
    ("seed", r"(?:randomly-seed=|[Rr]andomized with seed |[-.]seed[= ]|[Rr]andom seed:? |--seed )(?P<seed>\d+)"),
    ("build", r"(?:\b(?:[Bb]uild|BUILD_NUMBER=|[Jj]ob) ?#?|/job/[\w.-]+/)(?P<build>\d{2,})\b(?![.\w])"),
)
_VALUES = re.compile("|".join(f"(?:{regex})" for _, regex in RULES), re.MULTILINE)
_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\^\[\[[0-9;]*[A-Za-z]")  # CSI, and its cat -v spelling


class Rerun:
    """One simulated re-run: ``Rerun(2).line(text)`` is ``text`` as the second re-run would print it."""

    def __init__(self, number: int) -> None:
        self.random = random.Random(number)
        self.offset = timedelta(days=number, hours=3 * number, minutes=17 * number, seconds=23 * number,
                                microseconds=123_457 * number)
        self.scale = 1.0 + 0.37 * number  # a slower runner: every duration grows
        self.seen: dict[tuple[str, str], str] = {}  # one value, one replacement, all run long
        self.changes: dict[str, int] = {}  # how many values each rule changed

    def text(self, text: str) -> str:
        return "".join(self.line(line) for line in text.splitlines(keepends=True))

    def line(self, line: str) -> str:
        parts = _ESCAPE.split(line)
        escapes = _ESCAPE.findall(line)
        changed = [_VALUES.sub(self._replace, part) if any(c.isdigit() for c in part) else part for part in parts]
        return "".join(p + e for p, e in zip(changed, [*escapes, ""], strict=True))

    def _replace(self, match: re.Match[str]) -> str:
        whole, start = match.group(0), match.start()
        spans = sorted((match.span(name), name, value) for name, value in match.groupdict().items() if value)
        for (begin, end), name, value in reversed(spans):  # from the right: earlier offsets stay valid
            whole = whole[:begin - start] + self.value(name, value) + whole[end - start:]
        return whole

    def value(self, kind: str, value: str) -> str:
        """What this run prints instead of ``value`` (of the rule group ``kind``)."""
        known = self.seen.get((kind, value))
        if known is None:
            known = self.seen[(kind, value)] = self._new(kind, value)
            self.changes[kind] = self.changes.get(kind, 0) + 1
        return known

    def _new(self, kind: str, value: str) -> str:
        makers: dict[str, Callable[[str], str]] = {
            "uuid": lambda v: _same_case(str(uuid.UUID(int=self.random.getrandbits(128), version=4)), v),
            "iso": self._shift_iso, "clock": self._shift_clock, "mmss": self._scale_mmss,
            "epoch_ms": lambda v: str(int(v) + int(self.offset.total_seconds() * 1000)),
            "duration": self._scale, "address": lambda v: "0x" + self._hex(v[2:]),
            "sha": self._hex, "short_sha": self._hex,
            "tmp_name": self._word, "cc_name": self._word,
            "port": self._port, "port2": self._port,
        }
        if kind in TIME_FORMATS:
            return self._shift_format(value, TIME_FORMATS[kind])
        return makers.get(kind, self._number)(value)

    def _shift_iso(self, value: str) -> str:
        match = re.fullmatch(r"(\d{4}-\d\d-\d\d)([T ])(\d\d:\d\d:\d\d)(?:([.,])(\d+))?(.*)", value)
        assert match is not None
        day, sep, clock, dot, fraction, zone = match.groups()
        moved = datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M:%S") + self.offset
        printed = moved.strftime(f"%Y-%m-%d{sep}%H:%M:%S")
        return printed + (dot + self._fraction(fraction) if fraction else "") + zone

    def _shift_clock(self, value: str) -> str:
        clock, dot, fraction = re.fullmatch(r"(\d\d:\d\d:\d\d)(?:([.,])(\d+))?", value).groups()  # type: ignore[union-attr]
        moved = (datetime.strptime(clock, "%H:%M:%S") + self.offset).strftime("%H:%M:%S")
        return moved + (dot + self._fraction(fraction) if fraction else "")

    def _shift_format(self, value: str, form: str) -> str:
        year = "" if "%Y" in form else " %Y"
        moved = datetime.strptime(value + (" 2026" if year else ""), form + year) + self.offset
        return moved.strftime(form)

    def _fraction(self, digits: str) -> str:
        return "".join(self.random.choice(string.digits) for _ in digits)

    def _scale(self, value: str) -> str:
        decimals = len(value.split(".")[1]) if "." in value else 0
        return f"{float(value) * self.scale + 1:.{decimals}f}"

    def _scale_mmss(self, value: str) -> str:
        minutes, seconds = value.split(":")
        total = (int(minutes) * 60 + float(seconds)) * self.scale + 1.234
        decimals = len(seconds.split(".")[1])
        return f"{int(total // 60):02d}:{total % 60:0{3 + decimals}.{decimals}f}"

    def _number(self, value: str, grows: bool = True) -> str:
        digits = len(value) + (self.random.choice((0, 0, 1)) if grows and value[0] != "0" else 0)
        return str(self.random.randrange(10 ** (digits - 1), 10 ** digits))

    def _port(self, value: str) -> str:
        return str(self.random.randrange(33000, 61000))

    def _hex(self, value: str) -> str:
        drawn = "".join(self.random.choice("0123456789abcdef") for _ in value)
        return _same_case(drawn, value)

    def _word(self, value: str) -> str:
        return "".join(self.random.choice(string.ascii_lowercase + string.digits) for _ in value)


def _same_case(drawn: str, like: str) -> str:
    return drawn.upper() if like.isupper() else drawn
