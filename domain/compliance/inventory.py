"""The control inventory: for each account and each book, every requirement of the catalog
judged from the findings of its controls."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.compliance.catalog import CATALOG
from domain.compliance.controls import BOOK_LEVEL
from domain.compliance.findings import (
    AccountFacts,
    BookFacts,
    PlatformControls,
    account_findings,
    book_findings,
)
from domain.compliance.requirements import Requirement
from domain.compliance.status import RequirementStatus, Status, assess


@dataclass(frozen=True, slots=True)
class AccountInventory:
    """One account's requirements, each with its status, gaps and controls."""

    account_id: str
    owner_id: str
    name: str
    books: tuple[str, ...]
    requirements: tuple[RequirementStatus, ...]

    def count(self, status: Status) -> int:
        return sum(1 for r in self.requirements if r.status is status)


@dataclass(frozen=True, slots=True)
class BookInventory:
    """One book's own part of the requirements: the parts its limits and its kill switch
    scope meet (the rest is judged for each member account)."""

    book_id: str
    owner_id: str
    name: str
    members: tuple[str, ...]
    requirements: tuple[RequirementStatus, ...]

    def count(self, status: Status) -> int:
        return sum(1 for r in self.requirements if r.status is status)


@dataclass(frozen=True, slots=True)
class Inventory:
    """The inventory at `generated_at`. `denials_read`: how many of each account's latest
    denials were read for the last breaches; `truncated`: more accounts or books matched than
    one inventory lists (narrow it by owner or account)."""

    generated_at: datetime
    accounts: tuple[AccountInventory, ...]
    books: tuple[BookInventory, ...]
    denials_read: int
    truncated: bool = False


def account_inventory(
    facts: AccountFacts,
    name: str,
    now: datetime,
    catalog: Sequence[Requirement] = CATALOG,
) -> AccountInventory:
    found = account_findings(facts, now)
    judged = tuple(s for r in catalog if (s := assess(r, found)) is not None)
    books = tuple(sorted(b.id for b in facts.books))
    return AccountInventory(facts.account_id, facts.owner_id, name, books, judged)


def book_inventory(
    facts: BookFacts,
    platform: PlatformControls,
    now: datetime,
    catalog: Sequence[Requirement] = CATALOG,
) -> BookInventory:
    found = book_findings(facts, platform, now)
    judged = tuple(s for r in catalog if (s := assess(r, found, only=BOOK_LEVEL)) is not None)
    book = facts.book
    return BookInventory(book.id, book.owner_id, book.name, book.members, judged)
