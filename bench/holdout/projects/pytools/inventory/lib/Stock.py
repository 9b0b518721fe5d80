"""Robot Framework keyword library over a small stock store (sku -> quantity, reorder levels)."""
from __future__ import annotations


class Stock:
    ROBOT_LIBRARY_SCOPE = "TEST"

    def __init__(self) -> None:
        self.items: dict[str, int] = {}
        self.levels: dict[str, int] = {}

    def receive(self, sku: str, quantity: str) -> None:
        """Adds delivered units to the stock."""
        self.items[sku] = self.items.get(sku, 0) + int(quantity)

    def ship(self, sku: str, quantity: str) -> None:
        """Removes shipped units; shipping more than is in stock is an error."""
        have, want = self.items.get(sku, 0), int(quantity)
        if want > have:
            raise ValueError(f"cannot ship {want} of {sku}: only {have} in stock")
        self.items[sku] = have - want

    def set_reorder_level(self, sku: str, level: str) -> None:
        self.levels[sku] = int(level)

    def quantity_should_be(self, sku: str, expected: str) -> None:
        got = self.items.get(sku, 0)
        if got != int(expected):
            raise AssertionError(f"{sku}: expected {expected} in stock, got {got}")

    def items_to_reorder(self) -> list[str]:
        return sorted(sku for sku, q in self.items.items() if q <= self.levels.get(sku, 0))
