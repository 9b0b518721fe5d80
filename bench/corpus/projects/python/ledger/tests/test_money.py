import pytest

from ledger.money import Money, parse_amount


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("0", 0),
        ("12", 1200),
        ("12.5", 1250),
        ("12.05", 1205),
        ("-3.99", -399),
        ("+7", 700),
        ("1,234.56", 123456),
        ("(5.00)", -500),
        (" 42.10 ", 4210),
    ],
)
def test_parse_amount(text, cents):
    assert parse_amount(text) == Money(cents)


@pytest.mark.parametrize("text", ["", "abc", "1.234", "12,34", "--5"])
def test_parse_amount_rejects(text):
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount(text)


def test_str_formats_thousands():
    assert str(Money(123456789)) == "1,234,567.89"
    assert str(Money(-5)) == "-0.05"


@pytest.mark.parametrize(("cents", "parts"), [(100, 3), (1001, 4), (7, 7), (0, 2), (-100, 3)])
def test_split_adds_up(cents, parts):
    pieces = Money(cents).split(parts)
    assert len(pieces) == parts
    assert sum(p.cents for p in pieces) == cents
    assert max(pieces).cents - min(pieces).cents <= 1


def test_split_rejects_zero_parts():
    with pytest.raises(ValueError):
        Money(100).split(0)
