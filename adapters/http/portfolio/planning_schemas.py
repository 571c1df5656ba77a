"""Planning DTOs: a retirement plan in, its Monte Carlo figures out; the profile, homeostasis."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output, attributes, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut, RateOut
from adapters.wire.numbers import Fraction, Money, SignedMoney
from application.portfolio.held_returns import FittedReturns
from application.portfolio.plan_request import PlanRequest
from application.portfolio.planning import HomeostasisView, MonteCarloRun, ProfileChange
from application.portfolio.stored_plan import StoredPlan
from domain.analytics.planning.homeostasis import DEFAULT_SAFE_WITHDRAWAL_RATE
from ports.portfolio.planning import PlanningProfile

_DECIMAL = 'a decimal string such as "48000.00" (a JSON number is read too)'


class MonteCarloIn(Input):
    """A retirement plan (docs/planning.md): money in the plan's currency, rates annual
    fractions (0.05 = 5%), months counted from today. `horizon_months`, `annual_return` and
    `annual_volatility` left out come from your investor profile (its horizon, and the mix its
    risk tolerance picks; the answer's `from_profile` names them; without a profile 422
    names the first missing). Every field is checked: 422
    INVALID_PLANNING_INPUT names the one out of range, 422 PATH_STEPS_TOO_MANY (field
    `paths`) when paths x horizon_months > 10,000,000."""

    initial_wealth: Annotated[
        float | None, doc("Wealth today, >= 0; left out with from_holdings: your holdings")
    ] = None
    retirement_month: Annotated[
        int | None,
        doc(
            "Last month of contributions, 0..horizon_months; left out with from_holdings and "
            "retirement_age: from a kept retirement plan's birth date"
        ),
    ] = None
    horizon_months: Annotated[
        int | None, doc("Months simulated, 1..1200; left out: the profile's horizon")
    ] = None
    annual_return: Annotated[
        float | None,
        doc("Expected simple annual return (nominal), (-1, 1]; left out: the profile's mix"),
    ] = None
    annual_volatility: Annotated[
        float | None,
        doc("Annual volatility of the log return, [0, 2]; left out: the profile's mix"),
    ] = None
    monthly_contribution: Annotated[
        float | None,
        doc(
            "Added each month until retirement; left out: 0, or with from_holdings your "
            "retirement plans' contributions of the last 365 days / 12"
        ),
    ] = None
    monthly_withdrawal: Annotated[
        float, doc("Withdrawn each month after retirement, in today's money (inflated)")
    ] = 0.0
    inflation_rate: Annotated[float, doc("Annual inflation growing the withdrawals")] = 0.0
    student_t_dof: Annotated[
        float | None, doc("Student-t degrees of freedom (> 2) for fat tails; null: normal")
    ] = None
    paths: Annotated[int, doc("Simulated paths; paths x horizon_months <= 10,000,000")] = 10_000
    seed: Annotated[int, doc("Random seed: the same plan and seed give the same figures")] = 0
    target_wealth: Annotated[
        float | None, doc("When given, the answer holds P(ending wealth > target)")
    ] = None

    from_holdings: Annotated[
        bool,
        doc(
            "Fill the fields left out from what is stored: wealth = your holdings, the "
            "return and volatility fitted from their daily history (docs/planning.md)"
        ),
    ] = False
    retirement_age: Annotated[
        Annotated[int, msgspec.Meta(ge=1, le=120)] | None,
        doc("With from_holdings: the age you retire at, 1..120"),
    ] = None
    currency: Annotated[
        Annotated[str, msgspec.Meta(pattern="^[A-Z]{3}$")] | None,
        doc("With from_holdings: the currency of the holdings summed (ISO 4217); null: USD"),
    ] = None

    def to_request(self) -> PlanRequest:
        return self.into(PlanRequest)


class FanChartRowOut(Output):
    """Wealth percentiles (nominal) at one checkpoint, in the order of `percentile_levels`."""

    month: int
    year: AnalyticOut
    wealth: list[AnalyticOut]


class RuinByYearOut(Output):
    """The share of paths ruined (wealth below 0) at or before `month`."""

    month: int
    year: AnalyticOut
    probability: AnalyticOut


class MonteCarloConventionsOut(Output):
    step: Literal["monthly"]
    returns: Literal["lognormal", "student-t"]
    annual_return: str
    wealth: str
    withdrawals: str
    ruin: str


class MonteCarloComputeOut(Output):
    backend: str


class HoldingPartOut(Output):
    """One holding counted."""

    source: Annotated[
        str, doc("TRADING_ACCOUNT, PORTFOLIO, ILLIQUID_ASSET or LINKED_ACCOUNT (a Plaid account)")
    ]
    id: str
    name: str
    value: Annotated[MoneyOut, doc("In the answer's currency; a linked credit or loan is < 0")]
    as_of: Annotated[date, doc("The date the value is stated at (today for trading accounts)")]


class LeftOutHoldingOut(Output):
    source: str
    id: str
    reason: Annotated[
        str,
        doc(
            "CURRENCY, UNPRICED, IN_PORTFOLIO (counted in its ledger portfolio), NO_VALUATION "
            "or NO_BALANCE"
        ),
    ]


class FittedWeightOut(Output):
    """One fitted security: its value at the reference price, summed over where it is held."""

    symbol: str
    value: MoneyOut
    weight: Annotated[RateOut, doc("value / the fitted securities' total value")]
    sources: Annotated[
        list[str], doc("Where it is held: TRADING_ACCOUNT, PORTFOLIO, LINKED_ACCOUNT")
    ]


class LeftOutSecurityOut(Output):
    """A held security the fit leaves out."""

    symbol: str
    reason: Annotated[str, doc("UNPRICED (no reference price) or NO_BARS (no stored closes)")]
    sources: list[str]


class HistoryFitOut(Output):
    """The return and volatility fitted from the held securities' stored daily closes."""

    symbols: list[str]
    observations: Annotated[int, doc("Daily log returns fitted")]
    first_day: date
    last_day: date
    window: Annotated[int, doc("At most this many daily returns")]
    min_observations: Annotated[int, doc("At least this many")]
    source: str
    weights: Annotated[list[FittedWeightOut], doc("Each fitted security's weight")]
    left_out: Annotated[list[LeftOutSecurityOut], doc("Held securities not fitted, and why")]
    held_in: Annotated[list[str], doc("The sources the fitted securities are held in")]

    @classmethod
    def from_fit(cls, fit: FittedReturns) -> HistoryFitOut:
        return cls.from_attributes(
            fit,
            symbols=list(fit.symbols),
            weights=[FittedWeightOut.from_attributes(w, sources=list(w.sources))
                     for w in fit.weights],
            left_out=[LeftOutSecurityOut.from_attributes(x, sources=list(x.sources))
                      for x in fit.left_out],
            held_in=list(fit.held_in),
        )  # fmt: skip


class ContributionsOut(Output):
    monthly: Annotated[MoneyOut, doc("The last 365 days' contributions / 12")]
    count: int
    since: date


class StoredInputsOut(Output):
    """What `from_holdings` read; `sources` names each field: posted, stored, fitted or
    default (the profile's are in `from_profile`)."""

    currency: str
    sources: dict[str, str]
    holdings: list[HoldingPartOut]
    left_out: list[LeftOutHoldingOut]
    history: HistoryFitOut | None
    contributions: ContributionsOut | None

    @classmethod
    def from_stored(cls, stored: StoredPlan) -> StoredInputsOut:
        held, fit = stored.holdings, stored.fit
        return cls(
            currency=held.currency,
            sources=dict(sorted(stored.sources.items())),
            holdings=[HoldingPartOut.from_attributes(p) for p in held.parts],
            left_out=[LeftOutHoldingOut.from_attributes(h) for h in held.left_out],
            history=HistoryFitOut.from_fit(fit) if isinstance(fit, FittedReturns) else None,
            contributions=ContributionsOut.from_attributes(stored.contributions)
            if stored.contributions is not None
            else None,
        )


class MonteCarloOut(Output):
    paths: int
    horizon_months: int
    seed: int
    annual_return: Annotated[AnalyticOut, doc("The return simulated (given or the profile's)")]
    annual_volatility: Annotated[AnalyticOut, doc("The volatility simulated")]
    from_profile: Annotated[
        list[str], doc("The fields taken from your investor profile (the request left them out)")
    ]
    risk_tolerance: Annotated[
        str | None, doc("The profile's risk tolerance, when return or volatility came from it")
    ]
    stored_inputs: Annotated[
        StoredInputsOut | None, doc("With from_holdings: what was read (null otherwise)")
    ]
    success_probability: Annotated[
        AnalyticOut, doc("Share of paths never ruined through the horizon")
    ]
    success_standard_error: Annotated[AnalyticOut, doc("Binomial: sqrt(p (1 - p) / paths)")]
    median_ending_wealth: Annotated[AnalyticOut, doc("Nominal, at the horizon")]
    median_ending_wealth_real: Annotated[
        AnalyticOut, doc("The same in today's money: deflated by (1 + inflation) ** (months / 12)")
    ]
    probability_above_target: AnalyticOut | None
    percentile_levels: list[AnalyticOut]
    fan_chart: list[FanChartRowOut]
    ruin_probability_by_year: list[RuinByYearOut]
    conventions: MonteCarloConventionsOut
    compute: MonteCarloComputeOut

    @classmethod
    def from_run(cls, run: MonteCarloRun) -> MonteCarloOut:
        plan, result = run.inputs, run.result
        months = [int(m) for m in result.checkpoint_months]
        deflator = (1.0 + plan.inflation_rate) ** (plan.horizon_months / 12.0)
        return cls.from_attributes(
            result,
            **attributes(plan, "seed", "annual_return", "annual_volatility"),
            from_profile=sorted(run.from_profile),
            risk_tolerance=run.risk_tolerance.label if run.risk_tolerance is not None else None,
            stored_inputs=StoredInputsOut.from_stored(run.stored) if run.stored else None,
            median_ending_wealth_real=result.median_ending_wealth / deflator,
            percentile_levels=list(result.percentile_levels),
            fan_chart=[
                FanChartRowOut(
                    month=m,
                    year=m / 12.0,
                    wealth=[float(v) for v in result.wealth_percentiles[:, k]],
                )
                for k, m in enumerate(months)
            ],
            ruin_probability_by_year=[
                RuinByYearOut(month=m, year=m / 12.0, probability=float(result.ruin_probability[k]))
                for k, m in enumerate(months)
            ],
            conventions=MonteCarloConventionsOut(
                step="monthly",
                returns="lognormal" if plan.student_t_dof is None else "student-t",
                annual_return=(
                    "expected simple annual return, nominal: E[1 + R_year] = 1 + annual_return"
                ),
                wealth="nominal (the fan chart, the median, the target)",
                withdrawals="real: given in today's money, grown by inflation_rate monthly",
                ruin="wealth below 0 in some month; a ruined path stays at 0",
            ),
            compute=MonteCarloComputeOut(backend=run.backend),
        )


class PlanningProfileIn(Input):
    """Your planning figures; money as decimal strings, whole cents."""

    annual_expenses: Annotated[Money, doc(f"What you spend a year, > 0; {_DECIMAL}")]
    safe_withdrawal_rate: Annotated[
        Fraction, doc("Share of wealth you may spend a year, in (0, 0.2]; default 0.04")
    ] = Fraction(DEFAULT_SAFE_WITHDRAWAL_RATE)
    other_assets: Annotated[
        SignedMoney, doc(f"Wealth outside Bulwark's accounts (negative for debts); {_DECIMAL}")
    ] = SignedMoney(0)
    currency: Annotated[str, doc("ISO 4217 code of the figures"), msgspec.Meta(max_length=8)] = (
        "USD"
    )

    def to_change(self) -> ProfileChange:
        return self.into(ProfileChange)


class AutopilotIn(Input):
    enabled: bool


class PlanningProfileOut(Mirror[PlanningProfile]):
    annual_expenses: MoneyOut
    safe_withdrawal_rate: RateOut
    other_assets: MoneyOut
    currency: str
    autopilot: bool
    autopilot_changed_at: datetime | None
    updated_at: datetime


class ExcludedAccountOut(Output):
    account_id: str
    reason: Annotated[
        str, doc("CURRENCY (not the profile's currency) or UNPRICED (a position without a price)")
    ]


class HomeostasisOut(Output):
    currency: str
    annual_expenses: MoneyOut
    safe_withdrawal_rate: RateOut
    freedom_number: Annotated[MoneyOut, doc("annual_expenses / safe_withdrawal_rate, to the cent")]
    wealth: Annotated[
        MoneyOut, doc("The sum of `holdings` (accounts_equity among them) + other_assets")
    ]
    accounts_equity: MoneyOut
    other_assets: MoneyOut
    progress: Annotated[RateOut, doc("wealth / freedom_number (1 = 100%), 6 places")]
    progress_capped: Annotated[RateOut, doc("progress clamped to [0, 1]")]
    years_covered: Annotated[RateOut, doc("wealth / annual_expenses, 2 places")]
    gap: Annotated[MoneyOut, doc("max(freedom_number - wealth, 0)")]
    reached: bool
    years_to_freedom: Annotated[
        RateOut | None,
        doc("With annual_savings and real_return: years until reached (null: never or not asked)"),
    ]
    accounts_counted: int
    excluded_accounts: list[ExcludedAccountOut]
    holdings: Annotated[list[HoldingPartOut], doc("Every holding counted, with its source")]
    left_out: Annotated[list[LeftOutHoldingOut], doc("Every holding not counted, and why")]
    autopilot: bool
    autopilot_changed_at: datetime | None

    @classmethod
    def from_view(cls, view: HomeostasisView) -> HomeostasisOut:
        profile, figures, held = view.profile, view.figures, view.holdings
        return cls.from_attributes(
            figures,
            **attributes(
                profile,
                "currency",
                "annual_expenses",
                "safe_withdrawal_rate",
                "other_assets",
                "autopilot",
                "autopilot_changed_at",
            ),
            **attributes(view, "accounts_equity", "years_to_freedom", "accounts_counted"),
            excluded_accounts=[ExcludedAccountOut.from_attributes(e) for e in view.excluded],
            holdings=[HoldingPartOut.from_attributes(p) for p in held.parts] if held else [],
            left_out=[LeftOutHoldingOut.from_attributes(h) for h in held.left_out] if held else [],
        )
