"""CSV rows to entries."""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from ledger.money import Money, parse_amount

REQUIRED = ("date", "payee", "category", "amount")


@dataclass(frozen=True)
class Entry:
    date: dt.date
    payee: str
    category: str
    amount: Money


class RowError(ValueError):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text.strip())


def parse_rows(text: str) -> list[Entry]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        raise RowError(1, f"missing columns: {', '.join(missing)}")
    entries = []
    for number, row in enumerate(reader, start=2):
        try:
            entries.append(Entry(parse_date(row["date"]), row["payee"].strip(),
                                 row["category"].strip().lower() or "uncategorised",
                                 parse_amount(row["amount"])))
        except ValueError as error:
            raise RowError(number, str(error)) from error
    return entries
