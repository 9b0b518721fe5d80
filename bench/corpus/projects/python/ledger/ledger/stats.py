"""Totals over entries."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ledger.money import Money
from ledger.parse import Entry


def by_category(entries: Iterable[Entry]) -> dict[str, Money]:
    totals: dict[str, Money] = defaultdict(lambda: Money(0))
    for entry in entries:
        totals[entry.category] = totals[entry.category] + entry.amount
    return dict(sorted(totals.items()))


def monthly_totals(entries: Iterable[Entry]) -> dict[str, Money]:
    totals: dict[str, Money] = {}
    for entry in entries:
        key = f"{entry.date.year:04d}-{entry.date.month:02d}"
        totals[key] = totals.get(key, Money(0)) + entry.amount
    return dict(sorted(totals.items()))


def running_balance(entries: Iterable[Entry], opening: Money | None = None) -> list[Money]:
    balance = opening or Money(0)
    out = []
    for entry in sorted(entries, key=lambda e: e.date):
        balance = balance + entry.amount
        out.append(balance)
    return out


def largest_expense(entries: Iterable[Entry]) -> Entry:
    expenses = [e for e in entries if e.amount.cents < 0]
    return min(expenses, key=lambda e: e.amount)
