"""Retirement accounts: on posted figures, or on the plan kept beside a trading account.

Contribution room, RMDs, the employer match and the Roth conversion what-if are calculations
(domain/retirement/). Posted: the request gives every figure. Stored (`*_for_account`): the
caller's own trading account gives the balance (its equity at the current reference marks;
a cash-only account's is its cash) and the plan kept beside it (domain/retirement/plans.py)
gives the kind, the birth date, the compensation, the match formula, the vesting schedule and
the tax year's contributions; the answer's `source` says so. Another user's account answers
404 as an unknown one; a plan change and each contribution are audited
(`retirement_plan.put`, `retirement_contribution.added`, subject `account:<id>`).

Where a request leaves out the filing status, the state's rate or the
future tax rate, the caller's investor profile gives them (the `defaults` of the answer say
which were taken from it); without a profile the request must give them (422 naming the field).
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Generic, TypeVar

from application.core.access import ensure_may_change, owned_account
from domain.errors import Conflict, NotFound
from domain.numbers import ZERO
from domain.principals import Principal
from domain.retirement.contributions import (
    AccountType,
    ContributionRoom,
    RoomRequest,
    contribution_room,
)
from domain.retirement.employer import (
    MatchResult,
    MatchTier,
    VestingSchedule,
    employer_match,
    vested_amount,
)
from domain.retirement.errors import InvalidRetirementInput
from domain.retirement.limits import FilingStatus, YearLimits, limits_for
from domain.retirement.plans import (
    MAX_CONTRIBUTIONS_PER_YEAR,
    Contribution,
    ContributionSource,
    RetirementPlan,
    year_totals,
)
from domain.retirement.rmd import RequiredDistribution, required_minimum_distribution
from domain.retirement.roth_conversion import (
    ConversionRequest,
    ConversionWhatIf,
    roth_conversion_what_if,
)
from domain.tax.brackets import DEFAULT_BRACKETS, TaxBrackets
from domain.trading.accounts import Account
from domain.wealth.profile import InvestorProfile
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.wealth.investor_profiles import InvestorProfileRepository
from ports.wealth.retirement_plans import RetirementPlanStore

STORED_SOURCE = (
    "the stored account's equity at the current reference marks (a cash-only account: its "
    "cash) and the retirement plan kept beside it"
)


class RetirementPlanNotFound(NotFound):
    """The account is the caller's but no retirement plan is kept for it."""

    code = "RETIREMENT_PLAN_NOT_FOUND"


class AccountUnpriced(Conflict):
    """A holding of the account has no reference mark: its balance is not known."""

    code = "ACCOUNT_UNPRICED"


class TooManyContributions(Conflict):
    """The plan holds MAX_CONTRIBUTIONS_PER_YEAR contributions for the tax year already."""

    code = "TOO_MANY_CONTRIBUTIONS"


@dataclass(frozen=True, slots=True)
class RoomQuestion:
    """A contribution-room request whose filing status (it matters for a Roth IRA only) may
    come from the profile."""

    request: RoomRequest
    filing_status: FilingStatus | None = None


@dataclass(frozen=True, slots=True)
class ConversionQuestion:
    """A what-if whose brackets, state rate and future rate may come from the profile."""

    amount: Decimal
    taxable_income: Decimal
    years: int
    growth_rate: Decimal
    filing_status: FilingStatus | None = None
    brackets: TaxBrackets | None = None
    future_rate: Decimal | None = None
    state_rate: Decimal | None = None
    tax_from_outside: bool = True
    outside_growth_rate: Decimal | None = None
    age: int | None = None


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Answered(Generic[T]):
    """A result and the fields the investor profile supplied."""

    result: T
    defaults: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlanChange:
    """A PUT of the plan kept beside an account (the whole plan)."""

    kind: AccountType
    birth_date: date
    compensation: Decimal | None = None
    self_employed: bool = False
    match_tiers: tuple[MatchTier, ...] = ()
    vesting: VestingSchedule | None = None
    service_start: date | None = None


@dataclass(frozen=True, slots=True)
class NewContribution:
    tax_year: int
    amount: Decimal
    contributed_on: date
    source: ContributionSource = ContributionSource.EMPLOYEE


@dataclass(frozen=True, slots=True)
class Stored:
    """What a stored calculation read: the account's balance and its plan."""

    account_id: str
    balance: Decimal
    plan: RetirementPlan
    contributions: tuple[Contribution, ...]
    source: str = STORED_SOURCE


@dataclass(frozen=True, slots=True)
class StoredMatch:
    result: MatchResult
    vested_fraction: Decimal | None
    vested_employer_balance: Decimal | None
    years_of_service: int
    employer_contributed: Decimal


@dataclass(frozen=True, slots=True)
class AccountPlan:
    """One of the caller's own accounts and the plan kept beside it (None: none kept)."""

    account: Account
    plan: RetirementPlan | None


@dataclass(eq=False)
class RetirementService:
    """Retirement calculations (module doc)."""

    profiles: InvestorProfileRepository
    _: KW_ONLY
    plans: RetirementPlanStore | None = None
    uow_factory: UnitOfWorkFactory | None = None
    market_data: MarketDataPort | None = None
    clock: Clock | None = None
    ids: IdGenerator | None = None
    audit: AuditLog | None = None

    @staticmethod
    def limits(tax_year: int) -> YearLimits:
        return limits_for(tax_year)

    async def room(self, principal: Principal, q: RoomQuestion) -> Answered[ContributionRoom]:
        defaults: list[str] = []
        status = q.filing_status
        if status is None and q.request.account_type is AccountType.ROTH_IRA:
            profile = await self.profiles.get(principal.id)
            if profile is not None:
                status = profile.filing_status
                defaults.append("filing_status")
        request = replace(q.request, filing_status=status or FilingStatus.SINGLE)
        return Answered(contribution_room(request), tuple(defaults))

    @staticmethod
    def rmd(balance: Decimal, birth_date: date, year: int) -> RequiredDistribution:
        return required_minimum_distribution(balance, birth_date, year)

    async def roth_conversion(
        self, principal: Principal, q: ConversionQuestion
    ) -> Answered[ConversionWhatIf]:
        defaults: list[str] = []
        profile: InvestorProfile | None = None
        if (q.brackets is None and q.filing_status is None) or None in (
            q.future_rate,
            q.state_rate,
        ):
            profile = await self.profiles.get(principal.id)
        brackets = q.brackets
        if brackets is None:
            status = q.filing_status
            if status is None and profile is not None:
                status = profile.filing_status
                defaults.append("filing_status")
            brackets = DEFAULT_BRACKETS.get(status.value if status else "single")
            if brackets is None:
                raise InvalidRetirementInput(
                    f"brackets are shipped for {', '.join(sorted(DEFAULT_BRACKETS))}; give "
                    "brackets for another filing status",
                    field="filing_status",
                )
        state_rate = q.state_rate
        if state_rate is None:
            state_rate = profile.state_rate if profile is not None else Decimal(0)
            if profile is not None:
                defaults.append("state_rate")
        future_rate = q.future_rate
        if future_rate is None:
            if profile is None:
                raise InvalidRetirementInput(
                    "give future_rate (or set your investor profile's brackets)",
                    field="future_rate",
                )
            future_rate = profile.federal_bracket + profile.state_rate
            defaults.append("future_rate")
        request = ConversionRequest(
            amount=q.amount,
            taxable_income=q.taxable_income,
            brackets=brackets,
            future_rate=future_rate,
            years=q.years,
            growth_rate=q.growth_rate,
            state_rate=state_rate,
            tax_from_outside=q.tax_from_outside,
            outside_growth_rate=q.outside_growth_rate,
            age=q.age,
        )
        return Answered(roth_conversion_what_if(request), tuple(defaults))

    # -- the plan kept beside an account ---------------------------------------------
    async def put_plan(
        self, principal: Principal, account_id: str, change: PlanChange
    ) -> RetirementPlan:
        ensure_may_change(principal)
        await self._account(principal, account_id)
        store, now = self._store(), self._now()
        before = await store.get(account_id)
        plan = RetirementPlan(
            account_id=account_id,
            owner_id=principal.id,
            kind=change.kind,
            birth_date=change.birth_date,
            compensation=change.compensation,
            self_employed=change.self_employed,
            match_tiers=change.match_tiers,
            vesting=change.vesting,
            service_start=change.service_start,
            created_at=before.created_at if before is not None else now,
            updated_at=now,
        )
        await store.put(plan)
        await self._record(principal, "retirement_plan.put", account_id, {"kind": plan.kind.value})
        return plan

    async def plans_by_account(self, principal: Principal) -> list[AccountPlan]:
        """The caller's own accounts by id, each with its plan or None (the same owner rule
        as every other call here: a supervisor sees its own accounts only)."""
        assert self.uow_factory is not None
        async with self.uow_factory() as uow:
            accounts = await uow.accounts.list(principal.id)
        kept = {p.account_id: p for p in await self._store().list_for(principal.id)}
        mine = sorted((a for a in accounts if a.owner_id == principal.id), key=lambda a: a.id)
        return [AccountPlan(a, kept.get(a.id)) for a in mine]

    def this_year(self) -> int:
        """The clock's year: the default tax and distribution year of the calculations."""
        return self._now().year

    async def plan(self, principal: Principal, account_id: str) -> RetirementPlan:
        await self._account(principal, account_id)
        return await self._plan(account_id)

    async def add_contribution(
        self, principal: Principal, account_id: str, new: NewContribution
    ) -> Contribution:
        ensure_may_change(principal)
        await self._account(principal, account_id)
        await self._plan(account_id)
        store = self._store()
        if await store.count_contributions(account_id, new.tax_year) >= MAX_CONTRIBUTIONS_PER_YEAR:
            raise TooManyContributions(
                f"at most {MAX_CONTRIBUTIONS_PER_YEAR} contributions a tax year", field="tax_year"
            )
        assert self.ids is not None
        contribution = Contribution(
            id=self.ids.new("rc_"),
            account_id=account_id,
            owner_id=principal.id,
            tax_year=new.tax_year,
            amount=new.amount,
            source=new.source,
            contributed_on=new.contributed_on,
            created_at=self._now(),
        )
        await store.add_contribution(contribution)
        await self._record(
            principal,
            "retirement_contribution.added",
            account_id,
            {"tax_year": new.tax_year, "source": new.source.value},
        )
        return contribution

    async def contributions(
        self, principal: Principal, account_id: str, tax_year: int | None = None
    ) -> list[Contribution]:
        await self._account(principal, account_id)
        found = await self._store().contributions(account_id)
        return [c for c in found if tax_year is None or c.tax_year == tax_year]

    # -- the calculations on the stored account ----------------------------------------
    async def stored(self, principal: Principal, account_id: str) -> Stored:
        """The account's balance, its plan and contributions (404 for another's account)."""
        account = await self._account(principal, account_id)
        plan = await self._plan(account_id)
        balance = await self._balance(account)
        contributions = tuple(await self._store().contributions(account_id))
        return Stored(account_id, balance, plan, contributions)

    async def room_for_account(
        self,
        principal: Principal,
        account_id: str,
        tax_year: int,
        magi: Decimal | None = None,
        filing_status: FilingStatus | None = None,
    ) -> tuple[Stored, Answered[ContributionRoom]]:
        s = await self.stored(principal, account_id)
        totals = year_totals(list(s.contributions), tax_year)
        sep = s.plan.kind is AccountType.SEP_IRA
        request = RoomRequest(
            account_type=s.plan.kind,
            tax_year=tax_year,
            age=max(s.plan.age_in(tax_year), 0),
            # a SEP IRA's contributions are the employer's (the self-employed's own business)
            contributed=totals.employee + totals.employer if sep else totals.employee,
            employer_contributions=ZERO if sep else totals.employer,
            compensation=s.plan.compensation,
            magi=magi,
            self_employed=s.plan.self_employed,
        )
        return s, await self.room(principal, RoomQuestion(request, filing_status))

    async def rmd_for_account(
        self, principal: Principal, account_id: str, year: int
    ) -> tuple[Stored, RequiredDistribution]:
        s = await self.stored(principal, account_id)
        if s.plan.kind is AccountType.ROTH_IRA:
            raise InvalidRetirementInput(
                "a Roth IRA has no required distribution in the owner's lifetime", field="kind"
            )
        return s, required_minimum_distribution(s.balance, s.plan.birth_date, year)

    async def match_for_account(
        self, principal: Principal, account_id: str, tax_year: int
    ) -> tuple[Stored, StoredMatch]:
        s = await self.stored(principal, account_id)
        plan = s.plan
        if not plan.match_tiers:
            raise InvalidRetirementInput("the plan keeps no employer match", field="match_tiers")
        if plan.compensation is None:
            raise InvalidRetirementInput("the plan keeps no compensation", field="compensation")
        totals = year_totals(list(s.contributions), tax_year)
        result = employer_match(plan.match_tiers, plan.compensation, totals.employee, tax_year)
        years = plan.years_of_service(self._now().date())
        fraction = vested = None
        if plan.vesting is not None:
            fraction = plan.vesting.vested_fraction(years)
            employer_money = sum(
                (c.amount for c in s.contributions if c.source is ContributionSource.EMPLOYER),
                ZERO,
            )
            vested = vested_amount(employer_money, plan.vesting, years)
        return s, StoredMatch(result, fraction, vested, years, totals.employer)

    async def conversion_for_account(
        self, principal: Principal, account_id: str, q: ConversionQuestion
    ) -> tuple[Stored, Answered[ConversionWhatIf]]:
        """The what-if on the stored traditional account: `amount` 0 converts all of it."""
        s = await self.stored(principal, account_id)
        if s.plan.kind is AccountType.ROTH_IRA:
            raise InvalidRetirementInput("the account is a Roth IRA already", field="kind")
        amount = s.balance if q.amount == ZERO else q.amount
        if amount > s.balance:
            raise InvalidRetirementInput(
                f"amount is more than the account's balance {s.balance}", field="amount"
            )
        age = q.age if q.age is not None else s.plan.age_in(self._now().year)
        return s, await self.roth_conversion(principal, replace(q, amount=amount, age=age))

    # -- helpers -------------------------------------------------------------------------
    def _store(self) -> RetirementPlanStore:
        assert self.plans is not None, "the retirement plan store is wired in bootstrap"
        return self.plans

    def _now(self) -> datetime:
        assert self.clock is not None
        return self.clock.now()

    async def _account(self, principal: Principal, account_id: str) -> Account:
        assert self.uow_factory is not None
        async with self.uow_factory() as uow:
            return await owned_account(uow, principal, account_id)

    async def _plan(self, account_id: str) -> RetirementPlan:
        plan = await self._store().get(account_id)
        if plan is None:
            raise RetirementPlanNotFound(
                f"no retirement plan is kept for account {account_id}: PUT its plan first"
            )
        return plan

    async def _balance(self, account: Account) -> Decimal:
        held = sorted(s for s, p in account.positions.items() if not p.is_flat)
        marks: dict[str, Decimal] = {}
        if held:
            assert self.market_data is not None
            marks = await self.market_data.reference_prices(held)
        missing = [s for s in held if s not in marks]
        if missing:
            raise AccountUnpriced(
                f"no reference mark for {', '.join(missing)}: the balance is not known"
            )
        return account.equity(marks)

    async def _record(
        self, principal: Principal, action: str, account_id: str, details: dict[str, object]
    ) -> None:
        if self.audit is None:
            return
        entry = AuditEntry(
            principal.id, action, f"account:{account_id}", "ok", self._now(), details
        )
        await self.audit.record(entry)
