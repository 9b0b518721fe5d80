from ledger.money import Money
from ledger.parse import parse_rows
from ledger.stats import by_category, largest_expense, monthly_totals, running_balance


def test_by_category(sample_csv):
    totals = by_category(parse_rows(sample_csv))
    assert totals == {
        "food": Money(-11525),
        "gifts": Money(-3500),
        "salary": Money(500000),
        "utilities": Money(-8145),
    }


def test_monthly_totals(sample_csv):
    assert monthly_totals(parse_rows(sample_csv)) == {"2024-01": Money(236435), "2024-02": Money(240395)}


def test_running_balance_ends_at_total(sample_csv):
    balances = running_balance(parse_rows(sample_csv), opening=Money(1000))
    assert balances[-1] == Money(1000 + 236435 + 240395)
    assert len(balances) == 6


def test_largest_expense(sample_csv):
    assert largest_expense(parse_rows(sample_csv)).payee == "Power Co"
