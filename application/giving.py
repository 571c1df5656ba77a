"""Giving use cases: record donations (a receipt each), donor-advised fund grants, opening
carryovers; the deduction of a tax year; DAF balances. The suggestion is application/
giving_suggestion.py.

Owner scoping: everything is the caller's own; another user's donation or grant is 404
(DONATION_NOT_FOUND / GRANT_NOT_FOUND); a viewer's change is 403 (application/access.py).
Validation answers 422 INVALID_GIVING_INPUT naming the field; nothing is half-written.
Receipt numbers are GIFT-<year>-<n>, n counting the owner's donations of that year (a number
taken by a concurrent write is retried with the next one).
"""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from application.access import ensure_may_change
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
from ports.clock import Clock, IdGenerator
from ports.giving import GivingStore, OpeningCarryovers, receipt_number, sequence_of

FIRST_DATE = date(2000, 1, 1)
MAX_TEXT = 200
MAX_MEMO = 1000
MAX_PAGE = 500
MAX_YEARS = 30  # AGI entries per deduction request
ACKNOWLEDGMENT_AT = Decimal(250)  # IRC 170(f)(8): a written acknowledgment from $250
FORM_8283_OVER = Decimal(500)  # noncash deductions over $500 a year: Form 8283
RECEIPT_RETRIES = 5
_EIN = re.compile(r"^[0-9]{2}-?[0-9]{7}$")
_SYMBOL = re.compile(r"^[A-Za-z0-9.\-]{1,32}$")
ZERO = Decimal(0)


class DonationNotFound(NotFound):
    code = "DONATION_NOT_FOUND"


class GrantNotFound(NotFound):
    code = "GRANT_NOT_FOUND"


@dataclass(frozen=True, slots=True)
class NewDonation:
    donated_on: date
    donee: str
    donee_kind: DoneeKind
    kind: DonationKind
    fair_market_value: Decimal
    donee_ein: str | None = None
    fund: str | None = None
    symbol: str | None = None
    shares: Decimal | None = None
    cost_basis: Decimal | None = None
    acquired: date | None = None
    memo: str = ""


@dataclass(frozen=True, slots=True)
class NewGrant:
    fund: str
    granted_on: date
    grantee: str
    amount: Decimal
    grantee_ein: str | None = None
    memo: str = ""


@dataclass(frozen=True, slots=True)
class Receipt:
    """A donation with how it counts: its limit category and deductible amount, whether the
    donee's written acknowledgment is required, and the appreciation given away untaxed."""

    donation: Donation
    classified: Classified
    acknowledgment_required: bool
    untaxed_appreciation: Decimal  # long-term stock at FMV: FMV - basis, else 0


@dataclass(frozen=True, slots=True)
class DonationPage:
    items: list[Receipt]
    next_cursor: str | None


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


class GivingService:
    def __init__(self, store: GivingStore, clock: Clock, ids: IdGenerator) -> None:
        self._store = store
        self._clock = clock
        self._ids = ids

    # -- donations --------------------------------------------------------------------------

    async def record_donation(self, principal: Principal, new: NewDonation) -> Receipt:
        ensure_may_change(principal)
        checked = self._checked(new)
        for _ in range(RECEIPT_RETRIES):
            year = checked.donated_on.year
            same_year = await self._store.list_donations(principal.id, year=year)
            sequence = 1 + max((sequence_of(d.receipt) for d in same_year), default=0)
            donation = Donation(
                id=self._ids.new("gift-"),
                owner_id=principal.id,
                receipt=receipt_number(year, sequence),
                donated_on=checked.donated_on,
                donee=checked.donee,
                donee_kind=checked.donee_kind,
                kind=checked.kind,
                fair_market_value=checked.fair_market_value,
                created_at=self._clock.now(),
                donee_ein=checked.donee_ein,
                fund=checked.fund,
                symbol=checked.symbol,
                shares=checked.shares,
                cost_basis=checked.cost_basis,
                acquired=checked.acquired,
                memo=checked.memo,
            )
            try:
                await self._store.add_donation(donation)
            except Conflict as error:
                if error.field == "receipt":
                    continue
                raise
            return receipt_of(donation)
        raise Conflict("could not number the receipt: try again", field="receipt")

    async def donation(self, principal: Principal, donation_id: str) -> Receipt:
        found = await self._store.get_donation(principal.id, donation_id)
        if found is None:
            raise DonationNotFound(f"no donation {donation_id[:64]!r}", field="donation_id")
        return receipt_of(found)

    async def donations(
        self, principal: Principal, *, year: int | None, cursor: str | None, limit: int
    ) -> DonationPage:
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidGivingInput(f"limit must be 1 to {MAX_PAGE}", field="limit")
        if year is not None:
            _year(year, "year")
        after = None if cursor is None else _decode(cursor)
        found = await self._store.list_donations(
            principal.id, year=year, after=after, limit=limit + 1
        )
        items = found[:limit]
        last = items[-1] if len(found) > limit else None
        next_cursor = None if last is None else f"{last.donated_on.isoformat()}~{last.id}"
        return DonationPage([receipt_of(d) for d in items], next_cursor)

    async def delete_donation(self, principal: Principal, donation_id: str) -> None:
        ensure_may_change(principal)
        if not await self._store.delete_donation(principal.id, donation_id):
            raise DonationNotFound(f"no donation {donation_id[:64]!r}", field="donation_id")

    # -- donor-advised funds ----------------------------------------------------------------

    async def record_grant(self, principal: Principal, new: NewGrant) -> DafGrant:
        ensure_may_change(principal)
        fund = _text(new.fund, "fund")
        grantee = _text(new.grantee, "grantee")
        self._day(new.granted_on, "granted_on")
        _positive(new.amount, "amount")
        contributions = [
            d
            for d in await self._store.list_donations(principal.id)
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
            id=self._ids.new("grant-"),
            owner_id=principal.id,
            fund=fund,
            granted_on=new.granted_on,
            grantee=grantee,
            amount=new.amount,
            created_at=self._clock.now(),
            grantee_ein=_ein(new.grantee_ein, "grantee_ein"),
            memo=_memo(new.memo),
        )
        await self._store.add_grant(grant)
        return grant

    async def delete_grant(self, principal: Principal, grant_id: str) -> None:
        ensure_may_change(principal)
        if not await self._store.delete_grant(principal.id, grant_id):
            raise GrantNotFound(f"no grant {grant_id[:64]!r}", field="grant_id")

    async def funds(self, principal: Principal) -> list[FundSummary]:
        """Each donor-advised fund the caller contributed to: contributed, granted, ungranted."""
        contributed: dict[str, list[Donation]] = defaultdict(list)
        for d in await self._store.list_donations(principal.id):
            if d.donee_kind is DoneeKind.DONOR_ADVISED_FUND and d.fund:
                contributed[d.fund].append(d)
        grants: dict[str, list[DafGrant]] = defaultdict(list)
        for g in await self._store.list_grants(principal.id):
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
        return await self._store.get_carryovers(principal.id)

    async def set_opening_carryovers(
        self, principal: Principal, into_year: int, carryovers: Sequence[Carryover]
    ) -> OpeningCarryovers | None:
        """Replaces the caller's opening carryovers (an empty list clears them)."""
        ensure_may_change(principal)
        _year(into_year, "into_year")
        seen: set[tuple[int, LimitCategory]] = set()
        for i, c in enumerate(carryovers):
            if not into_year - CARRY_YEARS <= c.origin_year < into_year:
                raise InvalidGivingInput(
                    f"a carryover into {into_year} comes from {into_year - CARRY_YEARS} to "
                    f"{into_year - 1}",
                    field=f"carryovers[{i}].origin_year",
                )
            _positive(c.amount, f"carryovers[{i}].amount")
            if (c.origin_year, c.category) in seen:
                raise InvalidGivingInput(
                    "one amount per origin year and category", field=f"carryovers[{i}]"
                )
            seen.add((c.origin_year, c.category))
        opening = OpeningCarryovers(into_year, tuple(carryovers)) if carryovers else None
        await self._store.put_carryovers(principal.id, opening)
        return opening

    async def deduction(
        self, principal: Principal, tax_year: int, agi: Mapping[int, Decimal]
    ) -> DeductionReport:
        """The deduction of `tax_year` from the caller's donations and opening carryovers,
        each year from the first needing one computed with its AGI (`agi`, by year)."""
        _year(tax_year, "tax_year")
        if len(agi) > MAX_YEARS:
            raise InvalidGivingInput(f"at most {MAX_YEARS} years of AGI", field="agi")
        for year, amount in agi.items():
            _year(year, f"agi.{year}")
            if not amount.is_finite():
                raise InvalidGivingInput("AGI must be a number", field=f"agi.{year}")
        stored = await self._store.get_carryovers(principal.id)
        opening = stored if stored is not None and stored.into_year <= tax_year else None
        start = None if opening is None else opening.into_year
        donations = await self._store.list_donations(principal.id)

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
                for d in await self._store.list_donations(principal.id, year=year)
                if d.kind is DonationKind.CASH
            ),
            ZERO,
        )

    # -- checks -----------------------------------------------------------------------------

    def _checked(self, new: NewDonation) -> NewDonation:
        self._day(new.donated_on, "donated_on")
        donee = _text(new.donee, "donee")
        _positive(new.fair_market_value, "fair_market_value")
        fund = None
        if new.donee_kind is DoneeKind.DONOR_ADVISED_FUND:
            if new.fund is None:
                raise InvalidGivingInput("a donor-advised fund gift names its fund", field="fund")
            fund = _text(new.fund, "fund")
        elif new.fund is not None:
            raise InvalidGivingInput("only a donor-advised fund gift names a fund", field="fund")
        stock_fields = {
            "symbol": new.symbol, "shares": new.shares,
            "cost_basis": new.cost_basis, "acquired": new.acquired,
        }  # fmt: skip
        if new.kind is DonationKind.CASH:
            for name, value in stock_fields.items():
                if value is not None:
                    raise InvalidGivingInput(f"a cash gift has no {name}", field=name)
        else:
            for name, value in stock_fields.items():
                if value is None:
                    raise InvalidGivingInput(f"a stock gift needs its {name}", field=name)
            assert new.symbol is not None and new.shares is not None
            assert new.cost_basis is not None and new.acquired is not None
            if _SYMBOL.fullmatch(new.symbol) is None:
                raise InvalidGivingInput(
                    "a symbol is 1 to 32 letters, digits, . or -", field="symbol"
                )
            _positive(new.shares, "shares")
            if not new.cost_basis.is_finite() or new.cost_basis < ZERO:
                raise InvalidGivingInput("cost_basis must be 0 or more", field="cost_basis")
            if new.acquired > new.donated_on:
                raise InvalidGivingInput("acquired after it was given", field="acquired")
        return NewDonation(
            donated_on=new.donated_on,
            donee=donee,
            donee_kind=new.donee_kind,
            kind=new.kind,
            fair_market_value=new.fair_market_value,
            donee_ein=_ein(new.donee_ein, "donee_ein"),
            fund=fund,
            symbol=None if new.symbol is None else new.symbol.upper(),
            shares=new.shares,
            cost_basis=new.cost_basis,
            acquired=new.acquired,
            memo=_memo(new.memo),
        )

    def _day(self, day: date, field: str) -> None:
        today = self._clock.now().date()
        if not FIRST_DATE <= day <= today:
            raise InvalidGivingInput(
                f"{field} must be from {FIRST_DATE} to today ({today})", field=field
            )


def receipt_of(donation: Donation) -> Receipt:
    classified = classify(donation)
    untaxed = ZERO
    if classified.category is LimitCategory.CAPITAL_GAIN_30 and donation.cost_basis is not None:
        untaxed = donation.fair_market_value - donation.cost_basis
    return Receipt(donation, classified, donation.fair_market_value >= ACKNOWLEDGMENT_AT, untaxed)


def _decode(cursor: str) -> tuple[date, str]:
    day, sep, item = cursor.partition("~")
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        parsed = None
    if parsed is None or not sep or not item or len(cursor) > 128:
        raise InvalidGivingInput("a cursor this API did not make", field="cursor")
    return parsed, item


def _year(year: int, field: str) -> None:
    if not FIRST_DATE.year <= year <= 2100:
        raise InvalidGivingInput(f"a year from {FIRST_DATE.year} to 2100", field=field)


def _text(value: str, field: str) -> str:
    text = value.strip()
    if not text or len(text) > MAX_TEXT or not text.isprintable():
        raise InvalidGivingInput(
            f"{field} must be 1 to {MAX_TEXT} printable characters", field=field
        )
    return text


def _memo(value: str) -> str:
    if len(value) > MAX_MEMO or not all(ch.isprintable() or ch in "\n\t" for ch in value):
        raise InvalidGivingInput(f"memo: at most {MAX_MEMO} printable characters", field="memo")
    return value


def _ein(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    if _EIN.fullmatch(value) is None:
        raise InvalidGivingInput("an EIN is 9 digits, as 12-3456789", field=field)
    digits = value.replace("-", "")
    return f"{digits[:2]}-{digits[2:]}"


def _positive(value: Decimal, field: str) -> None:
    if not value.is_finite() or value <= ZERO:
        raise InvalidGivingInput(f"{field} must be greater than 0", field=field)
