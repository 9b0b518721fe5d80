"""Plain-text report of a ledger."""
from __future__ import annotations

from ledger.money import Money
from ledger.parse import Entry
from ledger.stats import by_category


def render_report(entries: list[Entry], width: int = 32) -> str:
    totals = by_category(entries)
    lines = [f"{'category':<{width - 12}}{'total':>12}", "-" * width]
    for category, total in totals.items():
        lines.append(f"{category:<{width - 12}}{str(total):>12}")
    grand = sum((t for t in totals.values()), Money(0))
    lines += ["-" * width, f"{'total':<{width - 12}}{str(grand):>12}"]
    return "\n".join(lines)
