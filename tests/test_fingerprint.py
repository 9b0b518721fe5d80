"""Fingerprint helpers: the error type a message reports, and keys that fold repeats but never different failures."""
from __future__ import annotations

import pytest

from tokenopt.fingerprint import error_type, mask


@pytest.mark.parametrize("message, expected", [
    ("error[E0308]: mismatched types", "E0308"),
    ("src/main.ts(6,29): error TS2345: Argument of type 'string' is not assignable", "TS2345"),
    ('inventory/service.py:14: error: Item "None" of "Item | None" has no attribute "name"  [union-attr]',
     "union-attr"),
    ("inventory/service.py:20: error: Unsupported operand types for + (\"str\" and \"int\")  [operator]", "operator"),
    ("src/app.py:1:8: F401 [*] `os` imported but unused", "F401"),
    ("FAILED tests/test_a.py::test_b - KeyError: 'AB100'", "KeyError"),
    ("=> com.example.orders.OrderParser$ParseException: order A-2: bad line", "ParseException"),
    ("Caused by: java.lang.NumberFormatException: For input string", "NumberFormatException"),
    ("thread 'ring::tests::wrap' panicked at src/ring.rs:40:9:", "panic"),
    ("==4242==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602",
     "AddressSanitizer: heap-buffer-overflow"),
    ("assert 2 == 3", ""),
    ("see [docs] for more", ""),
])
def test_error_type_names_codes_and_exception_classes(message: str, expected: str):
    assert error_type(message) == expected


def test_mask_hides_what_varies_between_runs_and_keeps_the_words():
    first = mask("timeout after 1532 ms connecting to 10.0.3.7:5432 at 2026-11-20T10:15:42Z (pid 4242)")
    second = mask("timeout after 87 ms connecting to 10.0.9.1:6543 at 2026-11-21T08:01:02Z (pid 77)")
    assert first == second
    assert "timeout after" in first and "connecting to" in first
