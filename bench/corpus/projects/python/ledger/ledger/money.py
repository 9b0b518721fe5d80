"""Amounts of money as integer cents, parsed from the strings people type."""
from __future__ import annotations

import re
from dataclasses import dataclass

_AMOUNT = re.compile(r"^(?P<sign>[-+])?(?P<units>\d{1,3}(?:,\d{3})*|\d+)(?:\.(?P<cents>\d{1,2}))?$")


@dataclass(frozen=True, order=True)
class Money:
    cents: int

    def __add__(self, other: Money) -> Money:
        return Money(self.cents + other.cents)

    def __sub__(self, other: Money) -> Money:
        return Money(self.cents - other.cents)

    def __str__(self) -> str:
        sign = "-" if self.cents < 0 else ""
        units, cents = divmod(abs(self.cents), 100)
        return f"{sign}{units:,}.{cents:02d}"

    def split(self, parts: int) -> list[Money]:
        """Split into `parts` amounts that differ by at most one cent and add up to the whole."""
        if parts <= 0:
            raise ValueError(f"cannot split into {parts} parts")
        base, extra = divmod(self.cents, parts)
        return [Money(base + (1 if i < extra else 0)) for i in range(parts)]


def parse_amount(text: str) -> Money:
    """'1,234.5' -> Money(123450); '(12.00)' is an accountant's negative."""
    raw = text.strip().replace(" ", "")
    negative = raw.startswith("(") and raw.endswith(")")
    if negative:
        raw = raw[1:-1]
    match = _AMOUNT.match(raw)
    if not match:
        raise ValueError(f"not an amount: {text!r}")
    units = int(match["units"].replace(",", ""))
    cents = int((match["cents"] or "0").ljust(2, "0"))
    value = units * 100 + cents
    if match["sign"] == "-" or negative:
        value = -value
    return Money(value)


def from_float(value: float) -> Money:
    """Legacy entry point kept for old importers."""
    return Money(round(value * 100))


def legacy_amount(text: str) -> Money:
    """Old spelling of parse_amount, still used by a few importers."""
    return parse_amount(text)
