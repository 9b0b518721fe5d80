"""A shopping cart: lines of (sku, quantity, unit price in cents), discounts and shipping."""
from __future__ import annotations

from dataclasses import dataclass, field

FREE_SHIPPING_FROM = 5000
SHIPPING = 495
ERROR_CODES = {400: "client", 404: "missing", 409: "conflict", 429: "throttled", 500: "server", 503: "unavailable"}


@dataclass
class Cart:
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    discount_percent: int = 0

    def add(self, sku: str, quantity: int, cents: int) -> None:
        if quantity <= 0:
            raise ValueError(f"quantity must be positive, got {quantity}")
        old, _ = self.lines.get(sku, (0, cents))
        self.lines[sku] = (old + quantity, cents)

    def remove(self, sku: str) -> None:
        self.lines.pop(sku, None)

    def subtotal(self) -> int:
        return sum(q * c for q, c in self.lines.values())

    def shipping(self) -> int:
        return 0 if self.subtotal() >= FREE_SHIPPING_FROM else SHIPPING

    def total(self) -> int:
        discounted = self.subtotal() * (100 - self.discount_percent) // 100
        return discounted + self.shipping()


def classify_error(status: int) -> str:
    """The failure class of an HTTP error status from the payment service."""
    return ERROR_CODES.get(status, "client" if 400 <= status < 500 else "server")
