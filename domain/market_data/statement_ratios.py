"""Ratios computed from a company's statements (domain/market_data/statements.py), in Decimal.

Each ratio is computed for the latest period. It carries its value, or None and the reason
(an input the vendor did not state, a zero denominator, a P/E or growth that is undefined),
the inputs it used and its basis:

- `latest`: the latest period's values alone (liquidity, margins, leverage, coverage).
- `average`: a flow over the period divided by the average of the opening and closing balance
  (the balance sheets of the latest and the prior period): ROA, ROE and the turnovers, as
  their standard formulas have it.
- `ending`: the same ratios when no prior balance is there to average with: the closing one.
- `annual` / `trailing twelve months`: PEG's EPS (see `peg`).

Flows are the period's: a quarter's ROA or turnover is a quarter's, not annualised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Final

from domain.market_data.statements import (
    BalanceSheet,
    FinancialStatements,
    PeriodStatements,
    StatementPeriod,
)

_TWO = Decimal(2)
_HUNDRED = Decimal(100)


class Basis(StrEnum):
    LATEST = "latest"
    AVERAGE = "average"
    ENDING = "ending"
    ANNUAL = "annual"
    TRAILING = "trailing twelve months"


@dataclass(frozen=True, slots=True)
class ComputedRatio:
    """One ratio: `value`, or None with `reason`; `inputs` as used, by name."""

    name: str
    value: Decimal | None
    basis: Basis
    inputs: tuple[tuple[str, Decimal], ...]
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StatementRatios:
    """The ratios of the latest period (`period_end`); `prior_period_end` is the period whose
    balance sheet opened it (None: there was none)."""

    period_end: date
    prior_period_end: date | None
    ratios: tuple[ComputedRatio, ...]

    def of(self, name: str) -> ComputedRatio:
        return next(r for r in self.ratios if r.name == name)


# name -> (unit, formula); in the order they are computed.
FORMULAS: Final[dict[str, tuple[str, str]]] = {
    "current_ratio": ("multiple", "current assets / current liabilities"),
    "quick_ratio": ("multiple", "(current assets - inventory) / current liabilities"),
    "cash_ratio": ("multiple", "(cash + short-term investments) / current liabilities"),
    "return_on_assets": ("fraction", "net income / average total assets"),
    "return_on_equity": ("fraction", "net income / average shareholders' equity"),
    "gross_margin": ("fraction", "gross profit / revenue"),
    "operating_margin": ("fraction", "operating income / revenue"),
    "net_margin": ("fraction", "net income / revenue"),
    "asset_turnover": ("multiple", "revenue / average total assets"),
    "inventory_turnover": ("multiple", "cost of revenue / average inventory"),
    "receivables_turnover": ("multiple", "revenue / average receivables"),
    "interest_coverage": ("multiple", "EBIT / interest expense"),
    "debt_to_equity": ("fraction", "total debt / shareholders' equity"),
    "debt_to_assets": ("fraction", "total debt / total assets"),
    "peg": ("multiple", "(price / EPS) / (EPS growth in percent)"),
}

Input = tuple[str, Decimal | None]


def ratio(name: str, numerator: Input, denominator: Input, basis: Basis) -> ComputedRatio:
    """numerator / denominator, or None naming the missing input or the zero denominator."""
    missing = [label for label, value in (numerator, denominator) if value is None]
    inputs = tuple((label, v) for label, v in (numerator, denominator) if v is not None)
    if missing:
        return ComputedRatio(name, None, basis, inputs, f"not stated: {', '.join(missing)}")
    top, bottom = numerator[1], denominator[1]
    assert top is not None and bottom is not None
    if bottom == 0:
        return ComputedRatio(name, None, basis, inputs, f"{denominator[0]} is zero")
    return ComputedRatio(name, top / bottom, basis, inputs)


def total(label: str, *parts: tuple[str, Decimal | None], minus: bool = False) -> Input:
    """The sum of `parts` (or the first minus the rest) labelled; None when any is None."""
    values = [v for _, v in parts]
    if any(v is None for v in values):
        missing = ", ".join(name for name, v in parts if v is None)
        return f"{label} (missing {missing})", None
    first, *rest = values
    assert first is not None
    rest_sum = sum((v for v in rest if v is not None), Decimal(0))
    return label, first - rest_sum if minus else first + rest_sum


def averaged(
    label: str, field: str, latest: BalanceSheet, prior: BalanceSheet | None
) -> tuple[Input, Basis]:
    """The average of the opening and closing `field`, or the closing one alone (basis says)."""
    closing = getattr(latest, field)
    opening = None if prior is None else getattr(prior, field)
    if closing is None or opening is None:
        return (label, closing), Basis.ENDING
    return (f"average {label}", (opening + closing) / _TWO), Basis.AVERAGE


def statement_ratios(statements: FinancialStatements, price: Decimal | None) -> StatementRatios:
    """The ratios of the newest period of `statements` (at least one); `price` for PEG."""
    if not statements.periods:
        raise ValueError("no statements to compute ratios from")
    latest = statements.periods[0]
    prior = statements.periods[1] if len(statements.periods) > 1 else None
    inc, bal = latest.income, latest.balance
    opening = None if prior is None else prior.balance
    latest_basis = Basis.LATEST

    def avg_ratio(name: str, top: Input, label: str, field: str) -> ComputedRatio:
        bottom, basis = averaged(label, field, bal, opening)
        return ratio(name, top, bottom, basis)

    current_liabilities = ("current liabilities", bal.current_liabilities)
    revenue = ("revenue", inc.revenue)
    net_income = ("net income", inc.net_income)
    interest = (
        "interest expense",
        None if inc.interest_expense is None else abs(inc.interest_expense),
    )
    equity = ("shareholders' equity", bal.shareholders_equity)
    debt = ("total debt", bal.total_debt)
    computed: dict[str, Callable[[], ComputedRatio]] = {
        "current_ratio": lambda: ratio(
            "current_ratio", ("current assets", bal.current_assets), current_liabilities,
            latest_basis,
        ),
        "quick_ratio": lambda: ratio(
            "quick_ratio",
            total("current assets - inventory", ("current assets", bal.current_assets),
                  ("inventory", bal.inventory), minus=True),
            current_liabilities, latest_basis,
        ),
        "cash_ratio": lambda: ratio(
            "cash_ratio",
            total("cash + short-term investments", ("cash", bal.cash),
                  ("short-term investments", bal.short_term_investments)),
            current_liabilities, latest_basis,
        ),
        "return_on_assets": lambda: avg_ratio(
            "return_on_assets", net_income, "total assets", "total_assets"
        ),
        "return_on_equity": lambda: avg_ratio(
            "return_on_equity", net_income, "shareholders' equity", "shareholders_equity"
        ),
        "gross_margin": lambda: ratio(
            "gross_margin", ("gross profit", inc.gross_profit), revenue, latest_basis
        ),
        "operating_margin": lambda: ratio(
            "operating_margin", ("operating income", inc.operating_income), revenue, latest_basis
        ),
        "net_margin": lambda: ratio("net_margin", net_income, revenue, latest_basis),
        "asset_turnover": lambda: avg_ratio(
            "asset_turnover", revenue, "total assets", "total_assets"
        ),
        "inventory_turnover": lambda: avg_ratio(
            "inventory_turnover", ("cost of revenue", inc.cost_of_revenue), "inventory",
            "inventory",
        ),
        "receivables_turnover": lambda: avg_ratio(
            "receivables_turnover", revenue, "receivables", "receivables"
        ),
        "interest_coverage": lambda: ratio(
            "interest_coverage", ("EBIT", inc.ebit), interest, latest_basis
        ),
        "debt_to_equity": lambda: ratio("debt_to_equity", debt, equity, latest_basis),
        "debt_to_assets": lambda: ratio(
            "debt_to_assets", debt, ("total assets", bal.total_assets), latest_basis
        ),
        "peg": lambda: peg(statements.periods, statements.period, price),
    }  # fmt: skip
    return StatementRatios(
        latest.period_end,
        None if prior is None else prior.period_end,
        tuple(computed[name]() for name in FORMULAS),
    )


def eps_of(period: PeriodStatements) -> Decimal | None:
    """The period's diluted EPS as stated, else net income / shares outstanding."""
    if period.income.diluted_eps is not None:
        return period.income.diluted_eps
    shares, income = period.balance.shares_outstanding, period.income.net_income
    if shares is None or income is None or shares == 0:
        return None
    return income / shares


def peg(
    periods: tuple[PeriodStatements, ...], period: StatementPeriod, price: Decimal | None
) -> ComputedRatio:
    """(price / EPS) / (EPS growth in percent): EPS of the latest fiscal year over the one
    before (annual statements), or of the latest four quarters over the four before them."""
    span, basis = (1, Basis.ANNUAL) if period is StatementPeriod.ANNUAL else (4, Basis.TRAILING)
    if len(periods) < 2 * span:
        return ComputedRatio(
            "peg", None, basis, (), f"needs {2 * span} periods of statements, had {len(periods)}"
        )
    now_parts = [eps_of(p) for p in periods[:span]]
    before_parts = [eps_of(p) for p in periods[span : 2 * span]]
    if None in now_parts or None in before_parts:
        return ComputedRatio("peg", None, basis, (), "not stated: EPS (or net income and shares)")
    eps = sum((e for e in now_parts if e is not None), Decimal(0))
    prior_eps = sum((e for e in before_parts if e is not None), Decimal(0))
    inputs: list[tuple[str, Decimal]] = [("EPS", eps), ("prior EPS", prior_eps)]
    if price is not None:
        inputs.insert(0, ("price", price))
    if price is None:
        return _peg_none(basis, inputs, "not stated: price")
    if eps <= 0:
        return _peg_none(basis, inputs, "P/E is undefined: EPS is not positive")
    if prior_eps <= 0:
        return _peg_none(basis, inputs, "EPS growth is undefined: prior EPS is not positive")
    pe = price / eps
    growth = (eps / prior_eps - 1) * _HUNDRED
    inputs += [("P/E", pe), ("EPS growth percent", growth)]
    if growth <= 0:
        return _peg_none(basis, inputs, "EPS did not grow")
    return ComputedRatio("peg", pe / growth, basis, tuple(inputs))


def _peg_none(basis: Basis, inputs: list[tuple[str, Decimal]], reason: str) -> ComputedRatio:
    return ComputedRatio("peg", None, basis, tuple(inputs), reason)
