"""GivingStore: each user's donations (with receipts), donor-advised fund grants, and the
carryovers they bring from before they used Bulwark. Everything is its owner's alone: every
call names the owner, and another owner's id reads as absent.

Money is exact Decimal in every store (NUMERIC on PostgreSQL, canonical text on SQLite).
Two adapters keep one contract (tests/integration/store/test_giving_contract.py): in memory
(adapters/memory/giving.py) and SQL (adapters/postgres/giving.py, migration 0023).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from domain.analytics.giving.model import Carryover, DafGrant, Donation


@dataclass(frozen=True, slots=True)
class OpeningCarryovers:
    """Carryovers carried into `into_year` from years before the donor used Bulwark (from
    their returns); donations dated before `into_year` are then left out of the schedule."""

    into_year: int
    carryovers: tuple[Carryover, ...]


class GivingStore(Protocol):
    """- `add_donation(d)`: stores it; Conflict when its id, or its owner's receipt number,
      is taken (field `receipt` for the latter).
    - `get_donation(owner_id, id)`: the owner's donation or None.
    - `list_donations(owner_id, year=, after=, limit=)`: (donated_on, id) order, in `year`
      when given, strictly after the key `after`, at most `limit` (None: all).
    - `delete_donation(owner_id, id)`: True when one was deleted.
    - `add_grant(g)`, `get_grant`, `delete_grant`: likewise for DAF grants;
      `list_grants(owner_id, fund=)`: (granted_on, id) order, one fund's when given.
    - `get_carryovers(owner_id)`: the opening carryovers or None; `put_carryovers(owner_id,
      opening)`: replaces them (None, or none carried, clears), all or nothing.
    """

    async def add_donation(self, donation: Donation) -> None: ...

    async def get_donation(self, owner_id: str, donation_id: str) -> Donation | None: ...

    async def list_donations(
        self,
        owner_id: str,
        *,
        year: int | None = None,
        after: tuple[date, str] | None = None,
        limit: int | None = None,
    ) -> list[Donation]: ...

    async def delete_donation(self, owner_id: str, donation_id: str) -> bool: ...

    async def add_grant(self, grant: DafGrant) -> None: ...

    async def get_grant(self, owner_id: str, grant_id: str) -> DafGrant | None: ...

    async def list_grants(self, owner_id: str, *, fund: str | None = None) -> list[DafGrant]: ...

    async def delete_grant(self, owner_id: str, grant_id: str) -> bool: ...

    async def get_carryovers(self, owner_id: str) -> OpeningCarryovers | None: ...

    async def put_carryovers(self, owner_id: str, opening: OpeningCarryovers | None) -> None: ...


def sequence_of(receipt: str) -> int:
    """The sequence number of a receipt "GIFT-2025-0007" (0 for any other form)."""
    tail = receipt.rsplit("-", 1)[-1]
    return int(tail) if tail.isascii() and tail.isdigit() else 0


def receipt_number(year: int, sequence: int) -> str:
    """The receipt number of a year's `sequence`-th donation: GIFT-<year>-<4+ digits>."""
    return f"GIFT-{year}-{sequence:04d}"


__all__ = ["GivingStore", "OpeningCarryovers", "receipt_number", "sequence_of"]
