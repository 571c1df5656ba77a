"""Trading states per scope: ACTIVE, REDUCING (reduce-only) or HALTED."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class TradingState(StrEnum):
    """How much trading a scope allows; a higher `severity` is more restrictive."""

    ACTIVE = "active"
    REDUCING = "reducing"
    HALTED = "halted"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {TradingState.ACTIVE: 0, TradingState.REDUCING: 1, TradingState.HALTED: 2}


class ScopeKind(StrEnum):
    """The level a trading state or a kill switch applies at."""

    GLOBAL = "global"
    ACCOUNT = "account"
    AGENT = "agent"
    # A named group of accounts another context keeps (a book: domain/books/book.py); its
    # members are read when it is halted, and an account that joins later falls in it too.
    BOOK = "book"


@dataclass(frozen=True, slots=True)
class Scope:
    """A scope: the whole system, one account, one agent or one book of accounts."""

    kind: ScopeKind
    id: str = "*"

    def __post_init__(self) -> None:
        if self.kind is ScopeKind.GLOBAL and self.id != "*":
            raise ValueError("the global scope has no id")
        if self.kind is not ScopeKind.GLOBAL and (not self.id or self.id == "*"):
            raise ValueError(f"a {self.kind.value} scope needs an id")

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.id}"

    @classmethod
    def parse(cls, key: str) -> Scope:
        kind, _, ident = key.partition(":")
        return cls(ScopeKind(kind), ident or "*")

    @classmethod
    def global_(cls) -> Scope:
        return cls(ScopeKind.GLOBAL)

    @classmethod
    def account(cls, account_id: str) -> Scope:
        return cls(ScopeKind.ACCOUNT, account_id)

    @classmethod
    def agent(cls, agent_id: str) -> Scope:
        return cls(ScopeKind.AGENT, agent_id)

    @classmethod
    def book(cls, book_id: str) -> Scope:
        return cls(ScopeKind.BOOK, book_id)


def most_restrictive(states: Iterable[TradingState]) -> TradingState:
    """The strictest of the given states (ACTIVE when none is given)."""
    result = TradingState.ACTIVE
    for state in states:
        if state.severity > result.severity:
            result = state
    return result
