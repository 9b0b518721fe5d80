"""Household ledger: parse CSV rows, total them by category, render a report."""
from ledger.money import Money, parse_amount
from ledger.parse import Entry, parse_rows
from ledger.stats import by_category, monthly_totals, running_balance
from ledger.report import render_report

__all__ = ["Entry", "Money", "by_category", "monthly_totals", "parse_amount", "parse_rows",
           "render_report", "running_balance"]
