"""Round trips over many generated amounts (LEDGER_BULK sets how many)."""
import os

import pytest

from ledger.money import Money, parse_amount

COUNT = int(os.environ.get("LEDGER_BULK", "40"))


@pytest.mark.parametrize("cents", [(n * 7919) % 1_000_003 - 500_000 for n in range(COUNT)])
def test_round_trip(cents):
    assert parse_amount(str(Money(cents))) == Money(cents)
