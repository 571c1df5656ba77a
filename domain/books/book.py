"""A book: one owner's named group of accounts, on any connections, with limits over the sum.

The members are account ids (each the owner's own); the limits (domain/books/limits.py) hold
over their aggregate in the book's currency. `instruments` names one instrument across
venues where no rule can tell (domain/books/instruments.py). `peak_equity` is the highest
equity the book was seen at: the trailing drawdown's reference, raised as it is passed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from domain.books.instruments import InstrumentMap
from domain.books.limits import BookLimit
from domain.errors import DomainError

ID_PREFIX = "bk-"
MAX_NAME = 120
MAX_MEMBERS = 64
MAX_LIMITS = 32
MAX_ALIASES = 256
_CURRENCY = re.compile(r"[A-Z][A-Z0-9]{2,9}")
_SYMBOL = re.compile(r"[A-Za-z0-9][A-Za-z0-9./:_-]{0,39}")


class InvalidBook(DomainError):
    code = "INVALID_BOOK"


def is_book_id(value: str) -> bool:
    return value.startswith(ID_PREFIX)


@dataclass(frozen=True, slots=True)
class Book:
    """One book (module docstring); built through `Book.of`, which checks its fields."""

    id: str
    owner_id: str
    name: str
    currency: str
    members: tuple[str, ...]
    limits: tuple[BookLimit, ...]
    created_at: datetime
    instruments: InstrumentMap = field(default_factory=InstrumentMap)
    peak_equity: Decimal = Decimal(0)

    @classmethod
    def of(
        cls,
        *,
        id: str,
        owner_id: str,
        name: str,
        currency: str,
        members: Iterable[str],
        limits: Iterable[BookLimit],
        created_at: datetime,
        aliases: Mapping[str, str] | None = None,
        peak_equity: Decimal = Decimal(0),
    ) -> Book:
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise InvalidBook(f"a book's name is 1 to {MAX_NAME} characters")
        if not _CURRENCY.fullmatch(currency):
            raise InvalidBook(f"currency {currency!r}: an ISO code such as USD")
        listed = list(members)
        unique = tuple(sorted(set(listed)))
        if len(unique) != len(listed):
            raise InvalidBook("an account is a member of a book once")
        if len(unique) > MAX_MEMBERS:
            raise InvalidBook(f"a book has at most {MAX_MEMBERS} accounts")
        kept = tuple(sorted(limits, key=lambda x: x.sort_key))
        if len(kept) > MAX_LIMITS:
            raise InvalidBook(f"a book has at most {MAX_LIMITS} limits")
        keys = [(x.kind, x.instrument) for x in kept]
        if len(set(keys)) != len(keys):
            raise InvalidBook("one limit of each kind (POSITION: one per instrument)")
        named = dict(aliases or {})
        if len(named) > MAX_ALIASES:
            raise InvalidBook(f"at most {MAX_ALIASES} instrument names")
        for symbol, canonical in named.items():
            if not (_SYMBOL.fullmatch(symbol) and _SYMBOL.fullmatch(canonical)):
                raise InvalidBook(f"instrument name {symbol!r} -> {canonical!r}: symbols only")
        return cls(
            id, owner_id, name, currency, unique, kept, created_at,
            InstrumentMap(named), peak_equity,
        )  # fmt: skip

    def revised(
        self,
        *,
        name: str | None = None,
        members: Iterable[str] | None = None,
        limits: Iterable[BookLimit] | None = None,
        aliases: Mapping[str, str] | None = None,
    ) -> Book:
        """The book with what is given replaced (its id, owner, currency and peak kept)."""
        return Book.of(
            id=self.id,
            owner_id=self.owner_id,
            name=self.name if name is None else name,
            currency=self.currency,
            members=self.members if members is None else members,
            limits=self.limits if limits is None else limits,
            created_at=self.created_at,
            aliases=self.instruments.explicit if aliases is None else aliases,
            peak_equity=self.peak_equity,
        )

    def with_peak(self, equity: Decimal) -> Book:
        return self if equity <= self.peak_equity else replace(self, peak_equity=equity)
