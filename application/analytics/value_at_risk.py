"""POST /api/v1/risk/var: VaR / CVaR of a posted series or of an account's stored returns.

The numbers come from domain/analytics/risk_report.py (on risk_measures); this use case picks
the sample (posted returns as fractions, posted P&L as money, or the account's stored daily
time-weighted returns -- owner-scoped: an account the caller may not read is 404), validates
it field by field (422 naming the field), values the figures in money where it can, and runs
large samples (more than LARGE_SAMPLE outcomes) through the ComputeBudget off the event loop.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from decimal import Decimal
from typing import Literal

import numpy as np

from application.core.access import account_seen
from application.core.compute_budget import ComputeBudget
from application.trading.risk import NoReferencePrice
from application.trading.stored_returns import STORED_RETURNS, stored_returns
from domain.analytics.risk_report import DEFAULT_CONFIDENCES, METHODS, RiskReport, risk_report
from domain.numbers import RETURN_BOUND
from domain.principals import Principal
from domain.risk.metrics import InsufficientReturns, InvalidRiskInput
from domain.trading.accounts import Account, MissingMark
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.trading.equity import EquityHistory

MIN_OBSERVATIONS = 10  # fewer: no 99% tail worth the name (422 INSUFFICIENT_RETURNS)
MAX_OBSERVATIONS = 1_000_000  # more: 422 naming the series
LARGE_SAMPLE = 100_000  # more: computed through the ComputeBudget (off the event loop)
MAX_HORIZON_DAYS = 252
MAX_CONFIDENCES = 10
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.5, 1.0
MAX_PNL = 1e15  # money, as the MONEY wire type  # each level strictly inside (0.5, 1)

Source = Literal["returns", "pnl", "stored"]


@dataclass(frozen=True, slots=True)
class VarRequest:
    """Exactly one of `returns` (fractions), `pnl` (money) or `account_id` (stored returns)."""

    returns: Sequence[float] | None = None
    pnl: Sequence[float] | None = None
    account_id: str | None = None
    confidences: Sequence[float] = DEFAULT_CONFIDENCES
    horizon_days: int = 1
    methods: Sequence[str] = METHODS
    portfolio_value: Decimal | None = None  # money the return figures are applied to


@dataclass(frozen=True, slots=True)
class VarResult:
    report: RiskReport
    source: Source
    unit: Literal["fraction", "money"]
    portfolio_value: Decimal | None  # returns: the money figures' base; None for P&L
    account_id: str | None


def check_confidences(levels: Sequence[float], field: str = "confidence_levels") -> list[float]:
    """1 to MAX_CONFIDENCES levels, each strictly inside (0.5, 1); 422 naming the level."""
    if not 1 <= len(levels) <= MAX_CONFIDENCES:
        raise InvalidRiskInput(f"give 1 to {MAX_CONFIDENCES} confidence levels", field=field)
    for index, level in enumerate(levels):
        if not (math.isfinite(level) and MIN_CONFIDENCE < level < MAX_CONFIDENCE):
            raise InvalidRiskInput(
                f"a confidence level must lie strictly between 0.5 and 1, got {level}",
                field=f"{field}[{index}]",
            )
    return [float(level) for level in levels]


def check_sample(values: Sequence[float], field: str, bound: float) -> np.ndarray:
    """MIN_OBSERVATIONS to MAX_OBSERVATIONS finite numbers within +-bound; 422 naming the field.

    The bound keeps every moment finite (a fourth power of 1e308 is not), so no estimator
    meets an overflow: returns within +-RETURN_BOUND (fractions), P&L within +-MAX_PNL.
    """
    if len(values) > MAX_OBSERVATIONS:
        raise InvalidRiskInput(
            f"at most {MAX_OBSERVATIONS:,} observations per request, got {len(values):,}",
            field=field,
        )
    if len(values) < MIN_OBSERVATIONS:
        raise InsufficientReturns(
            f"need at least {MIN_OBSERVATIONS} observations, got {len(values)}", field=field
        )
    sample = np.asarray(values, dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(sample))
    if bad.size:
        raise InvalidRiskInput(
            "NaN and Infinity are not observations", field=f"{field}[{int(bad[0])}]"
        )
    wild = np.flatnonzero(np.abs(sample) > bound)
    if wild.size:
        raise InvalidRiskInput(
            f"observations must lie within +-{bound:g}", field=f"{field}[{int(wild[0])}]"
        )
    return sample


@dataclass(eq=False)
class AccountValuation:
    """An account the caller may read, valued at current marks (shared by the risk pages)."""

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort

    async def load(self, principal: Principal, account_id: str) -> tuple[Account, Decimal]:
        """(account, equity at marks); NotFound (404) unless the caller may read it."""
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
        marks = await self.market_data.reference_prices(sorted(account.positions))
        try:
            return account, account.equity(marks)
        except MissingMark as exc:
            raise NoReferencePrice(
                f"no mark for {exc}: the account cannot be valued", field="account_id"
            ) from None

    async def marks(self, symbols: Sequence[str]) -> dict[str, Decimal]:
        return await self.market_data.reference_prices(sorted(symbols))


class ValueAtRiskService:
    """VaR / CVaR per method and confidence of a posted or stored sample (module doc)."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        market_data: MarketDataPort,
        clock: Clock,
        budget: ComputeBudget,
        equity_history: EquityHistory | None = None,
    ) -> None:
        self._accounts = AccountValuation(uow_factory, market_data)
        self._clock = clock
        self._budget = budget
        self._history = equity_history

    async def value_at_risk(self, principal: Principal, request: VarRequest) -> VarResult:
        given = [
            name
            for name, value in (
                ("returns", request.returns),
                ("pnl", request.pnl),
                ("account_id", request.account_id),
            )
            if value is not None
        ]
        if len(given) != 1:
            raise InvalidRiskInput(
                "give exactly one of returns, pnl or account_id",
                field=given[1] if len(given) > 1 else "returns",
            )
        confidences = check_confidences(request.confidences)
        if not 1 <= request.horizon_days <= MAX_HORIZON_DAYS:
            raise InvalidRiskInput(
                f"the horizon must be 1 to {MAX_HORIZON_DAYS} days", field="horizon_days"
            )
        value = request.portfolio_value
        if value is not None and (not value.is_finite() or value < 0):
            raise InvalidRiskInput("must be finite and >= 0", field="portfolio_value")
        source: Source
        if request.returns is not None:
            source, sample = "returns", check_sample(request.returns, "returns", RETURN_BOUND)
        elif request.pnl is not None:
            if value is not None:
                raise InvalidRiskInput(
                    "P&L is already money: portfolio_value applies to returns only",
                    field="portfolio_value",
                )
            source, sample = "pnl", check_sample(request.pnl, "pnl", MAX_PNL)
        else:
            assert request.account_id is not None
            if value is not None:
                raise InvalidRiskInput(
                    "an account's value is its equity at current marks", field="portfolio_value"
                )
            source, sample, value = "stored", *await self._stored(principal, request.account_id)
        report = await self._report(sample, confidences, request)
        return VarResult(
            report=report,
            source=source,
            unit="money" if source == "pnl" else "fraction",
            portfolio_value=value,
            account_id=request.account_id,
        )

    async def _stored(self, principal: Principal, account_id: str) -> tuple[np.ndarray, Decimal]:
        _, equity = await self._accounts.load(principal, account_id)
        returns: list[float] = []
        if self._history is not None:
            today = self._clock.now().astimezone(UTC).date()
            returns = await stored_returns(self._history, account_id, today, STORED_RETURNS)
        if len(returns) < MIN_OBSERVATIONS:
            raise InsufficientReturns(
                f"the account has {len(returns)} stored daily returns; "
                f"need at least {MIN_OBSERVATIONS} (or post returns)",
                field="account_id",
            )
        return check_sample(returns, "account_id", RETURN_BOUND), equity

    async def _report(
        self, sample: np.ndarray, confidences: list[float], request: VarRequest
    ) -> RiskReport:
        def work() -> RiskReport:
            return risk_report(
                sample, confidences, horizon=request.horizon_days, methods=request.methods
            )

        if sample.size > LARGE_SAMPLE:
            return await self._budget.run("value at risk", work)
        return work()
