import datetime as dt

import pytest

from ledger.money import Money
from ledger.parse import RowError, parse_rows


def test_parses_sample(sample_csv):
    entries = parse_rows(sample_csv)
    assert len(entries) == 6
    assert entries[0].date == dt.date(2024, 1, 3)
    assert entries[1].amount == Money(250000)
    assert entries[2].amount == Money(-8145)


def test_category_is_lowercased(sample_csv):
    assert {e.category for e in parse_rows(sample_csv)} == {"food", "salary", "utilities", "gifts"}


def test_blank_category_becomes_uncategorised():
    entries = parse_rows("date,payee,category,amount\n2024-03-01,Shop, ,-1.00\n")
    assert entries[0].category == "uncategorised"


def test_missing_column_is_reported():
    with pytest.raises(RowError, match="missing columns: amount"):
        parse_rows("date,payee,category\n2024-03-01,Shop,Food\n")


def test_bad_amount_names_the_line():
    with pytest.raises(RowError) as info:
        parse_rows("date,payee,category,amount\n2024-03-01,Shop,Food,-1.00\n2024-03-02,Shop,Food,lots\n")
    assert info.value.line == 3
