"""Typed errors: each carries what went wrong and how to fix it, in one line each."""
from __future__ import annotations

from dataclasses import dataclass


class TokenoptError(Exception):
    """Base of every error tokenopt reports to a user.

    ``exit_code`` follows the CLI contract: 2 for usage or input problems.
    """

    exit_code = 2

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix

    def one_line(self) -> str:
        text = f"{self.problem} — {self.fix}" if self.fix else self.problem
        return " ".join(text.split())


class UsageError(TokenoptError):
    """A flag, input or setting has a value tokenopt cannot accept."""


class InputError(TokenoptError):
    """A log source cannot be read (missing, a directory, unreadable, not text)."""


class NoInputError(InputError):
    """Nothing matched the log sources given."""


class EncodingUnavailableError(TokenoptError):
    """No tiktoken encoding file could be loaded offline."""


class ConfigError(TokenoptError):
    """A saved configuration file is missing or malformed."""


class StateError(TokenoptError):
    """A state file (usage history, index) could not be written."""


class GitHubError(TokenoptError):
    """A GitHub API call failed; the action reports it as a warning and never fails the build for it.

    ``status`` is the HTTP status GitHub answered with (None when GitHub could not be reached at all).
    """

    def __init__(self, problem: str, fix: str = "", status: int | None = None) -> None:
        super().__init__(problem, fix)
        self.status = status


@dataclass(frozen=True)
class Purpose:
    """What a GitHub client's calls are for, so that a refusal names the permission and the fix that fit them."""

    permission: str  # the workflow permission the calls need, as `permissions:` spells it
    not_found: str  # what to check when GitHub answers 404
    forks: bool = False  # writes: a 403 "Resource not accessible by integration" is a fork's read-only token
