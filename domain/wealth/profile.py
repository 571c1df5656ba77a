"""An investor's profile: risk tolerance, horizon, tax brackets, accredited status, terms.

- Risk tolerance: five levels, 1 conservative .. 5 aggressive. A risk questionnaire's score
  (0..100) maps to a level by equal bands of 20 points (0-19: 1, 20-39: 2, 40-59: 3, 60-79: 4,
  80-100: 5); a level given outright wins over the score.
- Horizon: whole years until the money is needed, 1..80.
- Taxes: the federal filing status (Form 1040), the federal marginal bracket (one of the year's
  ordinary rates, IRC 1), the state (USPS code) and its marginal rate (a fraction, 0..0.15).
- Accredited status: the bases the investor attests to, from the SEC's Rule 501(a) criteria
  (ACCREDITED_CRITERIA); accredited = at least one basis. An attestation, not a verification.
- Terms: the version accepted and when (set by the service, never by the client).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import IntEnum

from domain.errors import DomainError
from domain.retirement.limits import FilingStatus

FEDERAL_RATES = frozenset(Decimal(r) for r in ("0.10", "0.12", "0.22", "0.24", "0.32", "0.35",
                                                "0.37"))  # fmt: skip
MAX_STATE_RATE = Decimal("0.15")
MAX_HORIZON = 80
_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR"
)
US_STATES = frozenset(_STATES.split())


class InvalidInvestorProfile(DomainError):
    """A profile field out of range (422 naming the field)."""

    code = "INVALID_INVESTOR_PROFILE"


class RiskTolerance(IntEnum):
    CONSERVATIVE = 1
    MODERATELY_CONSERVATIVE = 2
    MODERATE = 3
    MODERATELY_AGGRESSIVE = 4
    AGGRESSIVE = 5

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str, field: str = "risk_tolerance") -> RiskTolerance:
        try:
            return cls[label.upper()]
        except KeyError:
            names = ", ".join(t.label for t in cls)
            raise InvalidInvestorProfile(f"must be one of {names}", field=field) from None


def tolerance_from_score(score: int) -> RiskTolerance:
    """The level of a questionnaire score 0..100 (equal bands of 20 points)."""
    if not 0 <= score <= 100:
        raise InvalidInvestorProfile("must be 0..100", field="questionnaire_score")
    return RiskTolerance(min(score // 20 + 1, 5))


@dataclass(frozen=True, slots=True)
class Criterion:
    """One of the SEC's accredited-investor bases for a natural person."""

    id: str
    rule: str
    test: str


# SEC Regulation D Rule 501(a), 17 CFR 230.501(a) (amended by Release 33-10824, 2020): the
# thresholds are the figures of domain/analytics/alternatives/accredited.py.
ACCREDITED_CRITERIA = (
    Criterion("net_worth", "Rule 501(a)(5)",
              "net worth over $1,000,000, alone or with a spouse or spousal equivalent, "
              "excluding the primary residence"),
    Criterion("income", "Rule 501(a)(6)",
              "income over $200,000 in each of the two most recent years, expected again"),
    Criterion("joint_income", "Rule 501(a)(6)",
              "joint income with a spouse or spousal equivalent over $300,000 in each of the two "
              "most recent years, expected again"),
    Criterion("professional_certification", "Rule 501(a)(10)",
              "a FINRA Series 7, 65 or 82 licence in good standing"),
    Criterion("knowledgeable_employee", "Rule 501(a)(11)",
              "a knowledgeable employee of the private fund (that fund only)"),
    Criterion("issuer_insider", "Rule 501(a)(4)",
              "a director, executive officer or general partner of the issuer"),
)  # fmt: skip
CRITERIA_IDS = frozenset(c.id for c in ACCREDITED_CRITERIA)


@dataclass(frozen=True, slots=True)
class InvestorProfile:
    """One user's profile (module doc). Timestamps are timezone-aware."""

    owner_id: str
    risk_tolerance: RiskTolerance
    horizon_years: int
    filing_status: FilingStatus
    federal_bracket: Decimal
    updated_at: datetime
    questionnaire_score: int | None = None
    state: str | None = None
    state_rate: Decimal = Decimal(0)
    accredited_bases: tuple[str, ...] = ()
    accredited_attested_at: datetime | None = None
    terms_version: str | None = None
    terms_accepted_at: datetime | None = None

    def __post_init__(self) -> None:
        check_profile(self)

    @property
    def accredited(self) -> bool:
        return bool(self.accredited_bases)


def check_profile(p: InvestorProfile) -> None:
    """InvalidInvestorProfile naming the first field out of range."""
    if not 1 <= p.horizon_years <= MAX_HORIZON:
        raise InvalidInvestorProfile(f"must be 1..{MAX_HORIZON} years", field="horizon_years")
    if p.federal_bracket not in FEDERAL_RATES:
        rates = ", ".join(str(r) for r in sorted(FEDERAL_RATES))
        raise InvalidInvestorProfile(f"must be one of {rates}", field="federal_bracket")
    if p.state is not None and p.state not in US_STATES:
        raise InvalidInvestorProfile("must be a US state's two-letter code", field="state")
    if not p.state_rate.is_finite() or not Decimal(0) <= p.state_rate <= MAX_STATE_RATE:
        raise InvalidInvestorProfile(f"must be 0..{MAX_STATE_RATE}", field="state_rate")
    if p.questionnaire_score is not None:
        tolerance_from_score(p.questionnaire_score)
    unknown = sorted(set(p.accredited_bases) - CRITERIA_IDS)
    if unknown:
        raise InvalidInvestorProfile(
            f"unknown basis {unknown[0][:40]!r}; one of {', '.join(sorted(CRITERIA_IDS))}",
            field="accredited_bases",
        )
    if len(set(p.accredited_bases)) != len(p.accredited_bases):
        raise InvalidInvestorProfile("a basis is listed twice", field="accredited_bases")
    if p.terms_version is not None and not 1 <= len(p.terms_version) <= 32:
        raise InvalidInvestorProfile("1..32 characters", field="terms_version")
    for moment in (p.updated_at, p.accredited_attested_at, p.terms_accepted_at):
        if moment is not None and moment.tzinfo is None:
            raise ValueError("investor profile timestamps must be timezone-aware")
