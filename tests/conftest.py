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


@pytest.fixture(autouse=True)
def _state_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in a fresh directory, so the index, usage history and digests of one test (written
    under ./.tokenopt and ./logs by default) never reach another test or the checkout."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
