"""Private-equity eligibility of a natural person: accredited investor, qualified purchaser.

Accredited investor, SEC Regulation D Rule 501(a), 17 CFR 230.501(a) (amended 2020, Release
33-10824), the prongs for a natural person:
- (a)(5) net worth: over USD 1,000,000, alone or jointly with a spouse or spousal equivalent,
  excluding the primary residence: its value is left out, and so is the debt it secures up to
  its estimated fair market value; debt secured by it above that value is a liability, and so
  is any increase of that debt in the 60 days before the purchase (unless it paid for the home).
- (a)(6) income: over USD 200,000 in each of the two most recent years, or joint income with a
  spouse or spousal equivalent over USD 300,000 in each of them, with a reasonable expectation
  of the same level in the current year.
- (a)(10) a professional certification held in good standing: the FINRA Series 7, 65 or 82.
- (a)(11) a "knowledgeable employee" of the private fund (for investments in that fund).
- (a)(4) a director, executive officer or general partner of the issuer (its own offering).

Qualified purchaser, Investment Company Act of 1940 s. 2(a)(51)(A)(i), 15 U.S.C. 80a-2(a)(51):
a natural person owning not less than USD 5,000,000 in investments (as Rule 2a51-1, 17 CFR
270.2a51-1, defines them; jointly held with a spouse counts). Funds relying on s. 3(c)(7) take
only qualified purchasers; s. 3(c)(1) and Rule 506(c) offerings take accredited investors.

Amounts are US dollars (the thresholds are); this is a screen that shows its reasoning, not
legal advice or the issuer's own verification (Rule 506(c) asks the issuer to verify).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from domain.analytics.alternatives.errors import InvalidAlternativesInput
from domain.numbers import ZERO

NET_WORTH_THRESHOLD = Decimal("1000000")
INCOME_THRESHOLD = Decimal("200000")
JOINT_INCOME_THRESHOLD = Decimal("300000")
QUALIFIED_PURCHASER_INVESTMENTS = Decimal("5000000")
LICENSES = ("series_7", "series_65", "series_82")


class Requirement(StrEnum):
    NONE = "none"  # a registered fund open to anyone
    ACCREDITED = "accredited"  # Rule 506(b)/(c), s. 3(c)(1) funds
    QUALIFIED_PURCHASER = "qualified_purchaser"  # s. 3(c)(7) funds


@dataclass(frozen=True, slots=True)
class InvestorFinances:
    """What the tests read, in US dollars. `assets` and `liabilities` are totals including
    the primary residence and the debt it secures (`residence_debt`, of which
    `residence_debt_added_60_days` was added in the 60 days before, not to buy the home)."""

    income_two_years_ago: Decimal = ZERO
    income_last_year: Decimal = ZERO
    joint_income_two_years_ago: Decimal | None = None
    joint_income_last_year: Decimal | None = None
    expects_same_income: bool = False
    assets: Decimal = ZERO
    liabilities: Decimal = ZERO
    primary_residence_value: Decimal = ZERO
    residence_debt: Decimal = ZERO
    residence_debt_added_60_days: Decimal = ZERO
    licenses: tuple[str, ...] = ()
    knowledgeable_employee: bool = False
    issuer_insider: bool = False
    investments: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class Prong:
    """One test: the rule's citation, whether it is met, and the figures behind it."""

    rule: str
    met: bool
    detail: str


@dataclass(frozen=True, slots=True)
class Eligibility:
    accredited: bool
    qualified_purchaser: bool
    net_worth_excluding_residence: Decimal
    prongs: tuple[Prong, ...]

    def meets(self, requirement: Requirement) -> bool:
        if requirement is Requirement.QUALIFIED_PURCHASER:
            return self.qualified_purchaser
        if requirement is Requirement.ACCREDITED:
            return self.accredited
        return True


def net_worth_excluding_residence(f: InvestorFinances) -> Decimal:
    """Assets less liabilities with the residence left out (Rule 501(a)(5)(i)-(ii))."""
    secured_within_value = min(f.residence_debt - f.residence_debt_added_60_days,
                               f.primary_residence_value)  # fmt: skip
    not_a_liability = max(secured_within_value, ZERO)
    return (f.assets - f.primary_residence_value) - (f.liabilities - not_a_liability)


def eligibility(f: InvestorFinances) -> Eligibility:
    """Every prong tested, with its figures (module doc)."""
    _check(f)
    worth = net_worth_excluding_residence(f)
    individual = f.income_two_years_ago > INCOME_THRESHOLD and f.income_last_year > INCOME_THRESHOLD
    joint = (
        f.joint_income_two_years_ago is not None
        and f.joint_income_last_year is not None
        and f.joint_income_two_years_ago > JOINT_INCOME_THRESHOLD
        and f.joint_income_last_year > JOINT_INCOME_THRESHOLD
    )
    licensed = sorted(set(f.licenses) & set(LICENSES))
    prongs = (
        Prong("Rule 501(a)(5) net worth", worth > NET_WORTH_THRESHOLD,
              f"net worth excluding the primary residence {worth} vs > {NET_WORTH_THRESHOLD}"),
        Prong("Rule 501(a)(6) income", (individual or joint) and f.expects_same_income,
              f"individual {f.income_two_years_ago} and {f.income_last_year} vs > "
              f"{INCOME_THRESHOLD} each year; joint {f.joint_income_two_years_ago} and "
              f"{f.joint_income_last_year} vs > {JOINT_INCOME_THRESHOLD}; same expected this "
              f"year: {f.expects_same_income}"),
        Prong("Rule 501(a)(10) professional certification", bool(licensed),
              f"held: {', '.join(licensed) or 'none'} (Series 7, 65 or 82 in good standing)"),
        Prong("Rule 501(a)(11) knowledgeable employee", f.knowledgeable_employee,
              "of the private fund offering the interest (that fund only)"),
        Prong("Rule 501(a)(4) director, executive officer or general partner",
              f.issuer_insider, "of the issuer (its own offering only)"),
        Prong("ICA s. 2(a)(51)(A)(i) qualified purchaser",
              f.investments >= QUALIFIED_PURCHASER_INVESTMENTS,
              f"investments {f.investments} vs >= {QUALIFIED_PURCHASER_INVESTMENTS}"),
    )  # fmt: skip
    return Eligibility(
        accredited=any(p.met for p in prongs[:5]),
        qualified_purchaser=prongs[5].met,
        net_worth_excluding_residence=worth,
        prongs=prongs,
    )


def _check(f: InvestorFinances) -> None:
    for name in ("assets", "liabilities", "primary_residence_value", "residence_debt",
                 "residence_debt_added_60_days", "investments"):  # fmt: skip
        if getattr(f, name) < ZERO:
            raise InvalidAlternativesInput(f"{name} must not be negative", field=name)
    if f.residence_debt_added_60_days > f.residence_debt:
        raise InvalidAlternativesInput(
            "the debt added in 60 days is part of the residence debt, not more than it",
            field="residence_debt_added_60_days",
        )
    unknown = sorted(set(f.licenses) - set(LICENSES))
    if unknown:
        raise InvalidAlternativesInput(
            f"licenses are {', '.join(LICENSES)}; got {unknown[0][:32]!r}", field="licenses"
        )


@dataclass(frozen=True, slots=True)
class Fund:
    name: str
    requirement: Requirement
    minimum_investment: Decimal


@dataclass(frozen=True, slots=True)
class FundAllocation:
    """Each fund: whether the investor may invest and the amount given (zero when not)."""

    fund: Fund
    eligible: bool
    amount: Decimal
    reason: str


def allocate_funds(
    amount: Decimal, funds: Sequence[Fund], who: Eligibility
) -> list[FundAllocation]:
    """Equal shares of `amount` across the funds the investor may enter whose minimum the
    share meets: the funds with the largest minimums are dropped one by one until the equal
    share meets every remaining minimum (cents rounded down; the remainder stays unallocated)."""
    open_funds = [f for f in funds if who.meets(f.requirement)]
    kept = sorted(open_funds, key=lambda f: f.minimum_investment)
    while kept and amount / len(kept) < kept[-1].minimum_investment:
        kept.pop()
    share = (amount / len(kept)).quantize(Decimal("0.01"), rounding=ROUND_DOWN) if kept else ZERO
    answer = []
    for fund in funds:
        if not who.meets(fund.requirement):
            answer.append(
                FundAllocation(fund, False, ZERO, f"needs a {fund.requirement.value} investor")
            )
        elif fund not in kept:
            answer.append(FundAllocation(
                fund, True, ZERO,
                f"the equal share cannot meet its minimum {fund.minimum_investment}",
            ))  # fmt: skip
        else:
            answer.append(FundAllocation(fund, True, share, "eligible"))
    return answer
