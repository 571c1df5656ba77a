"""Giving use cases: record donations (a receipt each), donor-advised fund grants, opening
carryovers; the deduction of a tax year; DAF balances. The suggestion is application/
giving_suggestion.py.

Owner scoping: everything is the caller's own; another user's donation or grant is 404
(DONATION_NOT_FOUND / GRANT_NOT_FOUND); a viewer's change is 403 (application/core/access.py).
Validation (application/portfolio/giving_checks.py) answers 422 INVALID_GIVING_INPUT naming the
field; nothing is half-written.
Receipt numbers are GIFT-<year>-<n>, n counting the owner's donations of that year (a number
taken by a concurrent write is retried with the next one).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from application.core.access import ensure_may_change
from application.core.paging import Page, page_of
from application.portfolio.giving_checks import (
    NewDonation,
    NewGrant,
    check_day,
    check_positive,
    check_year,
    checked_donation,
    decode_cursor,
    ein_field,
    memo_field,
    text_field,
)
from domain.analytics.giving.deduction import (
    CARRY_YEARS,
    Classified,
    YearDeduction,
    classify,
    deduct_year,
    schedule,
)
from domain.analytics.giving.model import (
    Carryover,
    DafGrant,
    Donation,
    DonationKind,
    DoneeKind,
    InvalidGivingInput,
    LimitCategory,
)
from domain.errors import Conflict, NotFound
from domain.principals import Principal
from ports.core.clock import Clock, IdGenerator
from ports.portfolio.giving import GivingStore, OpeningCarryovers, receipt_number, sequence_of

__all__ = ["GivingService", "NewDonation", "NewGrant"]

MAX_PAGE = 500
MAX_YEARS = 30  # AGI entries per deduction request
ACKNOWLEDGMENT_AT = Decimal(250)  # IRC 170(f)(8): a written acknowledgment from $250
FORM_8283_OVER = Decimal(500)  # noncash deductions over $500 a year: Form 8283
RECEIPT_RETRIES = 5
ZERO = Decimal(0)


class DonationNotFound(NotFound):
    code = "DONATION_NOT_FOUND"


class GrantNotFound(NotFound):
    code = "GRANT_NOT_FOUND"


@dataclass(frozen=True, slots=True)
class Receipt:
    """A donation with how it counts: its limit category and deductible amount, whether the
    donee's written acknowledgment is required, and the appreciation given away untaxed."""

    donation: Donation
    classified: Classified
    acknowledgment_required: bool
    untaxed_appreciation: Decimal  # long-term stock at FMV: FMV - basis, else 0


DonationPage = Page[Receipt]


@dataclass(frozen=True, slots=True)
class DeductionReport:
    tax_year: int
    year: YearDeduction
    history: tuple[YearDeduction, ...]  # the years before, as computed
    donations: tuple[Receipt, ...]  # of the tax year
    opening: OpeningCarryovers | None
    form_8283_required: bool  # noncash deductions of the year over $500


@dataclass(frozen=True, slots=True)
class FundSummary:
    fund: str
    donee: str  # the sponsoring organization (of the latest contribution)
    contributed: Decimal  # deductible when given, in those years
    granted: Decimal  # not deductible again
    ungranted: Decimal  # contributed - granted (investment growth is not tracked)
    contributions: int
    grants: tuple[DafGrant, ...]


@dataclass(eq=False)
class GivingService:
    store: GivingStore
    clock: Clock
    ids: IdGenerator

    # -- donations --------------------------------------------------------------------------

    async def record_donation(self, principal: Principal, new: NewDonation) -> Receipt:
        ensure_may_change(principal)
        checked = checked_donation(new, self.clock.now().date())
        for _ in range(RECEIPT_RETRIES):
            year = checked.donated_on.year
            same_year = await self.store.list_donations(principal.id, year=year)
            sequence = 1 + max((sequence_of(d.receipt) for d in same_year), default=0)
            donation = Donation(
                id=self.ids.new("gift-"),
                owner_id=principal.id,
                receipt=receipt_number(year, sequence),
                donated_on=checked.donated_on,
                donee=checked.donee,
                donee_kind=checked.donee_kind,
                kind=checked.kind,
                fair_market_value=checked.fair_market_value,
                created_at=self.clock.now(),
                donee_ein=checked.donee_ein,
                fund=checked.fund,
                symbol=checked.symbol,
                shares=checked.shares,
                cost_basis=checked.cost_basis,
                acquired=checked.acquired,
                memo=checked.memo,
            )
            try:
                await self.store.add_donation(donation)
            except Conflict as error:
                if error.field == "receipt":
                    continue
                raise
            return receipt_of(donation)
        raise Conflict("could not number the receipt: try again", field="receipt")

    async def donation(self, principal: Principal, donation_id: str) -> Receipt:
        found = await self.store.get_donation(principal.id, donation_id)
        if found is None:
            raise DonationNotFound(f"no donation {donation_id[:64]!r}", field="donation_id")
        return receipt_of(found)

    async def donations(
        self, principal: Principal, *, year: int | None, cursor: str | None, limit: int
    ) -> DonationPage:
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidGivingInput(f"limit must be 1 to {MAX_PAGE}", field="limit")
        if year is not None:
            check_year(year, "year")
        after = None if cursor is None else decode_cursor(cursor)
        found = await self.store.list_donations(
            principal.id, year=year, after=after, limit=limit + 1
        )
        page = page_of(
            found, limit, lambda donation: f"{donation.donated_on.isoformat()}~{donation.id}"
        )
        return Page([receipt_of(d) for d in page.items], page.next_cursor)

    async def delete_donation(self, principal: Principal, donation_id: str) -> None:
        ensure_may_change(principal)
        if not await self.store.delete_donation(principal.id, donation_id):
            raise DonationNotFound(f"no donation {donation_id[:64]!r}", field="donation_id")

    # -- donor-advised funds ----------------------------------------------------------------

    async def record_grant(self, principal: Principal, new: NewGrant) -> DafGrant:
        ensure_may_change(principal)
        fund = text_field(new.fund, "fund")
        grantee = text_field(new.grantee, "grantee")
        check_day(new.granted_on, "granted_on", self.clock.now().date())
        check_positive(new.amount, "amount")
        contributions = [
            d
            for d in await self.store.list_donations(principal.id)
            if d.donee_kind is DoneeKind.DONOR_ADVISED_FUND and d.fund == fund
        ]
        if not contributions:
            raise InvalidGivingInput(
                f"no contribution to a donor-advised fund named {fund!r} is recorded", field="fund"
            )
        if new.granted_on < contributions[0].donated_on:
            raise InvalidGivingInput(
                f"the fund's first contribution is dated {contributions[0].donated_on}",
                field="granted_on",
            )
        grant = DafGrant(
            id=self.ids.new("grant-"),
            owner_id=principal.id,
            fund=fund,
            granted_on=new.granted_on,
            grantee=grantee,
            amount=new.amount,
            created_at=self.clock.now(),
            grantee_ein=ein_field(new.grantee_ein, "grantee_ein"),
            memo=memo_field(new.memo),
        )
        await self.store.add_grant(grant)
        return grant

    async def delete_grant(self, principal: Principal, grant_id: str) -> None:
        ensure_may_change(principal)
        if not await self.store.delete_grant(principal.id, grant_id):
            raise GrantNotFound(f"no grant {grant_id[:64]!r}", field="grant_id")

    async def funds(self, principal: Principal) -> list[FundSummary]:
        """Each donor-advised fund the caller contributed to: contributed, granted, ungranted."""
        contributed: dict[str, list[Donation]] = defaultdict(list)
        for d in await self.store.list_donations(principal.id):
            if d.donee_kind is DoneeKind.DONOR_ADVISED_FUND and d.fund:
                contributed[d.fund].append(d)
        grants: dict[str, list[DafGrant]] = defaultdict(list)
        for g in await self.store.list_grants(principal.id):
            grants[g.fund].append(g)
        out = []
        for fund in sorted(contributed):
            given = sum((d.fair_market_value for d in contributed[fund]), ZERO)
            granted = sum((g.amount for g in grants[fund]), ZERO)
            out.append(
                FundSummary(
                    fund, contributed[fund][-1].donee, given, granted, given - granted,
                    len(contributed[fund]), tuple(grants[fund]),
                )
            )  # fmt: skip
        return out

    # -- carryovers and the deduction -------------------------------------------------------

    async def opening_carryovers(self, principal: Principal) -> OpeningCarryovers | None:
        return await self.store.get_carryovers(principal.id)

    async def set_opening_carryovers(
        self, principal: Principal, into_year: int, carryovers: Sequence[Carryover]
    ) -> OpeningCarryovers | None:
        """Replaces the caller's opening carryovers (an empty list clears them)."""
        ensure_may_change(principal)
        check_year(into_year, "into_year")
        seen: set[tuple[int, LimitCategory]] = set()
        for i, c in enumerate(carryovers):
            if not into_year - CARRY_YEARS <= c.origin_year < into_year:
                raise InvalidGivingInput(
                    f"a carryover into {into_year} comes from {into_year - CARRY_YEARS} to "
                    f"{into_year - 1}",
                    field=f"carryovers[{i}].origin_year",
                )
            check_positive(c.amount, f"carryovers[{i}].amount")
            if (c.origin_year, c.category) in seen:
                raise InvalidGivingInput(
                    "one amount per origin year and category", field=f"carryovers[{i}]"
                )
            seen.add((c.origin_year, c.category))
        opening = OpeningCarryovers(into_year, tuple(carryovers)) if carryovers else None
        await self.store.put_carryovers(principal.id, opening)
        return opening

    async def deduction(
        self, principal: Principal, tax_year: int, agi: Mapping[int, Decimal]
    ) -> DeductionReport:
        """The deduction of `tax_year` from the caller's donations and opening carryovers,
        each year from the first needing one computed with its AGI (`agi`, by year)."""
        check_year(tax_year, "tax_year")
        if len(agi) > MAX_YEARS:
            raise InvalidGivingInput(f"at most {MAX_YEARS} years of AGI", field="agi")
        for year, amount in agi.items():
            check_year(year, f"agi.{year}")
            if not amount.is_finite():
                raise InvalidGivingInput("AGI must be a number", field=f"agi.{year}")
        stored = await self.store.get_carryovers(principal.id)
        opening = stored if stored is not None and stored.into_year <= tax_year else None
        start = None if opening is None else opening.into_year
        donations = await self.store.list_donations(principal.id)

        def compute() -> tuple[list[Receipt], list[YearDeduction]]:
            receipts = [receipt_of(d) for d in donations]
            by_year: dict[int, dict[LimitCategory, Decimal]] = defaultdict(
                lambda: defaultdict(Decimal)
            )
            for r in receipts:
                day = r.donation.donated_on
                if (start is None or day.year >= start) and day.year <= tax_year:
                    by_year[day.year][r.classified.category] += r.classified.deductible
            years = schedule(
                by_year,
                agi,
                tax_year,
                opening=() if opening is None else opening.carryovers,
                start_year=start,
            )
            return receipts, years

        # Thousands of gifts are milliseconds of Decimal work: kept off the event loop.
        receipts, years = await asyncio.to_thread(compute)
        target = next((y for y in years if y.year == tax_year), None)
        if target is None:
            target = deduct_year(tax_year, agi.get(tax_year, ZERO), {}, ())
        this_year = tuple(r for r in receipts if r.donation.donated_on.year == tax_year)
        noncash = sum(
            (r.classified.deductible for r in this_year if r.donation.kind is DonationKind.STOCK),
            ZERO,
        )
        return DeductionReport(
            tax_year=tax_year,
            year=target,
            history=tuple(y for y in years if y.year < tax_year),
            donations=this_year,
            opening=opening,
            form_8283_required=noncash > FORM_8283_OVER,
        )

    async def cash_given(self, principal: Principal, year: int) -> Decimal:
        """The caller's cash contributions recorded in `year`."""
        return sum(
            (
                d.fair_market_value
                for d in await self.store.list_donations(principal.id, year=year)
                if d.kind is DonationKind.CASH
            ),
            ZERO,
        )


def receipt_of(donation: Donation) -> Receipt:
    classified = classify(donation)
    untaxed = ZERO
    if classified.category is LimitCategory.CAPITAL_GAIN_30 and donation.cost_basis is not None:
        untaxed = donation.fair_market_value - donation.cost_basis
    return Receipt(donation, classified, donation.fair_market_value >= ACKNOWLEDGMENT_AT, untaxed)
