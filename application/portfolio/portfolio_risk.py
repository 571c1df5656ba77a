"""A ledger portfolio's risk figures and tax drag, cached per portfolio until its ledger changes.

The figures and their conventions are domain/portfolio/holdings_risk.py's: volatility, Sharpe,
max drawdown and beta of a **current-holdings backcast** (today's quantities at the bar history
store's adjusted daily closes over the trailing `window_days`), and the tax drag of what the
portfolio realised in that window (the tax engine over the portfolio's own ledger, as its
holdings view runs it). A held symbol without any stored close in the window makes every
figure None, with a reason naming it; a benchmark without closes makes beta None.
`held_correlation` is the held positions' correlation matrix, volatilities and diversification ratio
(domain/risk/held_correlation.py, as a trading account's portfolio risk answers it) over the
same window's closes, each position weighed at its quantity x its last stored close; or why
there is none in `held_correlation_note` (a symbol without closes, fewer than 20 common daily
returns).

Cache: one answer per (portfolio, parameters, day), in memory in this process. Every ledger
write of this process (a transaction booked, an import, a fill booked, an account added) calls
`invalidate(portfolio_id)`; a computation that began before an invalidation is not stored
(a generation counter per portfolio). A new day computes afresh (the key holds the date), so
new closes are read at least daily. Writes made by another process are not seen until then.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from application.core.stored_closes import daily_closes_between
from application.portfolio.ledger_checks import ledger_of, tax_accounts
from application.portfolio.portfolios import OFF_LOOP_ROWS, PortfolioService
from domain.analytics.benchmark import align, beta
from domain.analytics.performance import TRADING_DAYS, return_stats
from domain.errors import InvalidTransaction
from domain.numbers import ZERO
from domain.portfolio.holdings import holdings
from domain.portfolio.holdings_risk import TaxableIncome, backcast_values, daily_returns, tax_cost
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Principal
from domain.risk.held_correlation import HeldCorrelation, NoHeldCorrelation, held_correlation
from domain.tax.methods import AccountTaxType, Term
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore
from ports.portfolio.portfolios import Portfolio, PortfolioStore

DEFAULT_WINDOW_DAYS = 365
MIN_WINDOW_DAYS = 30
MAX_WINDOW_DAYS = 3_660
DEFAULT_BENCHMARK = "SPY"
# Top US federal rates (2026): ordinary income 37 %, long-term gains and qualified dividends
# 20 %; no state tax, no net investment income tax. The caller may pass others.
SHORT_TERM_RATE = Decimal("0.37")
LONG_TERM_RATE = Decimal("0.20")
DIVIDEND_RATE = Decimal("0.20")
MAX_CACHED_PORTFOLIOS = 10_000
MAX_CACHED_PER_PORTFOLIO = 8
_SYMBOL = re.compile(r"^[A-Z0-9.\-_/:]{1,32}$")


class InvalidRiskRequest(InvalidTransaction):
    """A risk request's parameter out of range; `field` names it."""

    code = "INVALID_RISK_REQUEST"


@dataclass(frozen=True, slots=True)
class RiskRequest:
    window_days: int = DEFAULT_WINDOW_DAYS
    benchmark: str = DEFAULT_BENCHMARK
    risk_free: float = 0.0  # annual, a fraction
    short_term_rate: Decimal = SHORT_TERM_RATE
    long_term_rate: Decimal = LONG_TERM_RATE
    dividend_rate: Decimal = DIVIDEND_RATE


@dataclass(frozen=True, slots=True)
class PortfolioRisk:
    """The answer (conventions: domain/portfolio/holdings_risk.py). Ratios are floats, money
    Decimal in `currency`; a figure is None when `reasons` say why."""

    portfolio_id: str
    currency: str
    request: RiskRequest
    computed_at: datetime
    start: date
    end: date
    holdings: tuple[tuple[str, Decimal], ...]  # symbol, quantity: the backcast's weights
    left_out: tuple[str, ...]  # "SYMBOL: why"
    points: int  # days in the backcast series
    volatility_annual: float | None
    sharpe: float | None
    max_drawdown: float | None
    beta: float | None
    beta_points: int
    average_value: Decimal | None
    income: TaxableIncome
    tax_cost: Decimal
    tax_drag: float | None
    reasons: tuple[str, ...]
    held_correlation: HeldCorrelation | None = None
    held_correlation_note: str | None = None  # why there is no `held_correlation`


@dataclass(eq=False)
class PortfolioRiskService:
    """Computes and caches PortfolioRisk (module doc)."""

    portfolios: PortfolioService
    store: PortfolioStore
    bars: Callable[[], BarStore]
    clock: Clock
    _cache: dict[str, dict[tuple[object, ...], PortfolioRisk]] = field(default_factory=dict)
    _generation: dict[str, int] = field(default_factory=dict)

    def invalidate(self, portfolio_id: str) -> None:
        """The portfolio's ledger changed: drop its cached answers."""
        self._cache.pop(portfolio_id, None)
        self._generation[portfolio_id] = self._generation.get(portfolio_id, 0) + 1

    async def risk(
        self, principal: Principal, portfolio_id: str, request: RiskRequest | None = None
    ) -> PortfolioRisk:
        """The caller's portfolio's figures (404 PORTFOLIO_NOT_FOUND for another's)."""
        request = _checked(request or RiskRequest())
        portfolio = await self.portfolios.get(principal, portfolio_id)
        today = self.clock.now().date()
        key = (request, today)
        cached = self._cache.get(portfolio.id, {}).get(key)
        if cached is not None:
            return cached
        generation = self._generation.get(portfolio.id, 0)
        answer = await self._compute(portfolio.id, request, today)
        if self._generation.get(portfolio.id, 0) == generation:
            self._store(portfolio.id, key, answer)
        return answer

    def _store(self, portfolio_id: str, key: tuple[object, ...], answer: PortfolioRisk) -> None:
        if portfolio_id not in self._cache and len(self._cache) >= MAX_CACHED_PORTFOLIOS:
            self._cache.pop(next(iter(self._cache)))
        entries = self._cache.setdefault(portfolio_id, {})
        if len(entries) >= MAX_CACHED_PER_PORTFOLIO:
            entries.pop(next(iter(entries)))
        entries[key] = answer

    async def _compute(self, portfolio_id: str, request: RiskRequest, today: date) -> PortfolioRisk:
        portfolio = await self.store.get_portfolio(portfolio_id)
        assert portfolio is not None  # owner-checked just before; portfolios are never deleted
        base = portfolio.base_currency
        txs = await self.store.list_transactions(portfolio.id)
        start = today - timedelta(days=request.window_days)
        held = holdings(txs)
        quantities: dict[str, Decimal] = {}
        left_out = []
        for symbol, quantity in sorted(held.symbol_quantities().items()):
            if quantity == ZERO:
                continue
            if held.currencies.get(symbol, base) != base:
                left_out.append(f"{symbol}: held in {held.currencies[symbol]}, not {base}")
                continue
            quantities[symbol] = quantity
        symbols = sorted({*quantities, request.benchmark})
        series = await daily_closes_between(self.bars(), symbols, start, today)
        closes = {
            symbol: {day: Decimal(repr(close)) for day, close in stored.pairs()}
            for symbol, stored in series.items()
        }
        reasons = []
        missing = [s for s in quantities if not closes.get(s)]
        values: list[tuple[date, Decimal]] = []
        if not quantities:
            reasons.append("no positions held in the base currency")
        elif missing:
            reasons.append(
                "no stored daily adjusted closes in the window for: " + ", ".join(missing)
            )
        else:
            values = backcast_values(quantities, closes)
            if len(values) < 2:
                reasons.append("fewer than two days on which every held symbol has a close")
                values = []
        vol = sharpe = dd = slope = None
        beta_points = 0
        if values:
            stats = return_stats(
                [v for _, v in values], periods_per_year=TRADING_DAYS, risk_free=request.risk_free
            )
            vol, sharpe, dd = stats.volatility_annual, stats.sharpe, stats.drawdown.max_fraction
            bench = closes.get(request.benchmark)
            if not bench:
                name = request.benchmark
                reasons.append(f"no stored daily adjusted closes for the benchmark {name}")
            else:
                mine, theirs = align(daily_returns(values), daily_returns(sorted(bench.items())))
                beta_points = len(mine)
                slope = beta(mine, theirs)
                if slope is None:
                    reasons.append("beta: fewer than two common days, or a flat benchmark")
        income = await self._income(portfolio, txs, start, today)
        cost = tax_cost(
            income,
            short_term_rate=request.short_term_rate,
            long_term_rate=request.long_term_rate,
            dividend_rate=request.dividend_rate,
        )
        average = sum((v for _, v in values), ZERO) / len(values) if values else None
        together, together_note = _held(quantities, closes, request.window_days)
        drag = float(cost / average) if average else None
        return PortfolioRisk(
            portfolio_id=portfolio.id,
            currency=base,
            request=request,
            computed_at=self.clock.now(),
            start=start,
            end=today,
            holdings=tuple(quantities.items()),
            left_out=tuple(left_out),
            points=len(values),
            volatility_annual=vol,
            sharpe=sharpe,
            max_drawdown=dd,
            beta=slope,
            beta_points=beta_points,
            average_value=average,
            income=income,
            tax_cost=cost,
            tax_drag=drag,
            reasons=tuple(reasons),
            held_correlation=together,
            held_correlation_note=together_note,
        )

    async def _income(
        self, portfolio: Portfolio, txs: Sequence[Transaction], start: date, end: date
    ) -> TaxableIncome:
        base = portfolio.base_currency
        accounts = tax_accounts(portfolio)

        def run() -> TaxableIncome:
            ledger = ledger_of(txs, accounts)
            short = long_ = dividends = interest = ZERO
            for row in ledger.realized:
                if row.reportable and row.currency == base and start < row.sold <= end:
                    if row.term == Term.LONG:
                        long_ += row.gain
                    else:
                        short += row.gain
            for tx in txs:
                account = accounts.get(tx.account_id)
                if (
                    account is None
                    or account.tax_type != AccountTaxType.TAXABLE
                    or tx.currency != base
                    or not start < tx.trade_date <= end
                ):
                    continue
                if tx.kind == TransactionKind.DIVIDEND:
                    dividends += tx.amount
                elif tx.kind == TransactionKind.INTEREST:
                    interest += tx.amount
            return TaxableIncome(short, long_, dividends, interest)

        return await asyncio.to_thread(run) if len(txs) > OFF_LOOP_ROWS else run()


def _held(
    quantities: dict[str, Decimal], closes: dict[str, dict[date, Decimal]], window_days: int
) -> tuple[HeldCorrelation | None, str | None]:
    """The held positions' correlation over the window, each weighed at its quantity x its
    last stored close; or None and why."""
    missing = sorted(s for s in quantities if not closes.get(s))
    if missing:
        return None, f"no stored daily bars for {', '.join(missing)}"
    values = {s: q * closes[s][max(closes[s])] for s, q in quantities.items()}
    series = {
        symbol: [(day, float(close)) for day, close in sorted(closes[symbol].items())]
        for symbol in quantities
    }
    found = held_correlation(values, series, window=window_days)
    if isinstance(found, NoHeldCorrelation):
        return None, found.reason
    return found, None


def _checked(request: RiskRequest) -> RiskRequest:
    if not MIN_WINDOW_DAYS <= request.window_days <= MAX_WINDOW_DAYS:
        raise InvalidRiskRequest(
            f"window_days must be {MIN_WINDOW_DAYS} to {MAX_WINDOW_DAYS}", field="window_days"
        )
    if _SYMBOL.fullmatch(request.benchmark) is None:
        raise InvalidRiskRequest(
            "benchmark is 1 to 32 upper-case letters, digits or . - _ / :", field="benchmark"
        )
    if not -0.5 < request.risk_free < 1:
        raise InvalidRiskRequest("risk_free is an annual fraction in (-0.5, 1)", field="risk_free")
    for name in ("short_term_rate", "long_term_rate", "dividend_rate"):
        rate = getattr(request, name)
        if not rate.is_finite() or not ZERO <= rate <= 1:
            raise InvalidRiskRequest(f"{name} is a fraction from 0 to 1", field=name)
    return request
