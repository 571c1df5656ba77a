"""In-process giving records (the embedded store's and the unit tests' GivingStore)."""

from __future__ import annotations

from datetime import date

from domain.analytics.giving.model import DafGrant, Donation
from domain.errors import Conflict
from ports.portfolio.giving import OpeningCarryovers


class InMemoryGivingStore:
    """A GivingStore in dicts (records are frozen dataclasses)."""

    def __init__(self) -> None:
        self._donations: dict[str, Donation] = {}
        self._receipts: set[tuple[str, str]] = set()
        self._grants: dict[str, DafGrant] = {}
        self._carryovers: dict[str, OpeningCarryovers] = {}

    async def add_donation(self, donation: Donation) -> None:
        if donation.id in self._donations:
            raise Conflict(f"donation {donation.id!r} already exists", field="id")
        if (donation.owner_id, donation.receipt) in self._receipts:
            raise Conflict(f"receipt {donation.receipt} is taken", field="receipt")
        self._donations[donation.id] = donation
        self._receipts.add((donation.owner_id, donation.receipt))

    async def get_donation(self, owner_id: str, donation_id: str) -> Donation | None:
        found = self._donations.get(donation_id)
        return found if found is not None and found.owner_id == owner_id else None

    async def list_donations(
        self,
        owner_id: str,
        *,
        year: int | None = None,
        after: tuple[date, str] | None = None,
        limit: int | None = None,
    ) -> list[Donation]:
        rows = sorted(
            (
                d
                for d in self._donations.values()
                if d.owner_id == owner_id
                and (year is None or d.donated_on.year == year)
                and (after is None or (d.donated_on, d.id) > after)
            ),
            key=lambda d: (d.donated_on, d.id),
        )
        return rows if limit is None else rows[:limit]

    async def delete_donation(self, owner_id: str, donation_id: str) -> bool:
        found = await self.get_donation(owner_id, donation_id)
        if found is None:
            return False
        del self._donations[donation_id]
        self._receipts.discard((owner_id, found.receipt))
        return True

    async def add_grant(self, grant: DafGrant) -> None:
        if grant.id in self._grants:
            raise Conflict(f"grant {grant.id!r} already exists", field="id")
        self._grants[grant.id] = grant

    async def get_grant(self, owner_id: str, grant_id: str) -> DafGrant | None:
        found = self._grants.get(grant_id)
        return found if found is not None and found.owner_id == owner_id else None

    async def list_grants(self, owner_id: str, *, fund: str | None = None) -> list[DafGrant]:
        return sorted(
            (
                g
                for g in self._grants.values()
                if g.owner_id == owner_id and (fund is None or g.fund == fund)
            ),
            key=lambda g: (g.granted_on, g.id),
        )

    async def delete_grant(self, owner_id: str, grant_id: str) -> bool:
        if await self.get_grant(owner_id, grant_id) is None:
            return False
        del self._grants[grant_id]
        return True

    async def get_carryovers(self, owner_id: str) -> OpeningCarryovers | None:
        return self._carryovers.get(owner_id)

    async def put_carryovers(self, owner_id: str, opening: OpeningCarryovers | None) -> None:
        if opening is None or not opening.carryovers:
            self._carryovers.pop(owner_id, None)
        else:
            self._carryovers[owner_id] = opening
