"""Shared fixtures: the tokenizer and the --update-golden switch."""
from __future__ import annotations

import pytest

from tokenopt.tokens import Counter, load_counter


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def counter() -> Counter:
    return load_counter("cl100k_base")
