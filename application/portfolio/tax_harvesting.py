"""Tax-loss harvesting for one user: the use case behind POST /api/v1/tax/harvesting.

Inputs gathered here, the decisions in domain/tax/harvesting.py:
- the ledger of ALL the user's transactions (application/portfolio/tax.py), recomputed with the
  request's substantially-identical groups so wash sales and windows use the same grouping;
- prices: MarketDataPort.reference_prices (a lot without one is skipped, named UNPRICED);
- recent buys: the user's BUY transactions in any account in the last 30 days;
- pending buys: open BUY orders (uow.orders, open_only) of the trading accounts held in the
  user's portfolios;
- return history: daily bars (MarketDataProvider.bars, timeframe 1d) of the held symbols and
  the request's `universe`, `returns_days` returns ending today (a symbol whose bars cannot be
  read is named in `no_history`);
- year-to-date realized results: the ledger's reportable rows of this calendar year.
Only taxable accounts' lots in US dollars are candidates; IRA lots are never harvested.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from application.portfolio.owner_ledger import OwnerLedger
from domain.market_data.bars import Timeframe
from domain.numbers import ZERO
from domain.portfolio.transactions import TransactionKind
from domain.tax.brackets import DEFAULT_BRACKETS, InvalidTaxInput, TaxBrackets, cents
from domain.tax.harvesting import (
    WASH_DAYS,
    Correlations,
    LotLoss,
    PendingBuy,
    Projection,
    RecentBuy,
    Replacement,
    Screening,
    Threshold,
    YearPosition,
    correlations,
    project_year,
    rebuy_after,
    replacements_for,
    savings_of,
    screen_lots,
)
from domain.tax.methods import AccountTaxType, LotMethod, Term
from domain.trading.orders import Side
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort, MarketDataProvider, QuoteUnavailable

DEFAULT_MOVES = tuple(Decimal(m) for m in ("-0.2", "-0.1", "0", "0.1", "0.2"))
MAX_UNIVERSE = 200
MAX_GROUPS = 200
MAX_SCENARIOS = 21
MIN_RETURNS, MAX_RETURNS = 20, 1260
_HISTORY_CONCURRENCY = 8
_OPEN_ORDERS_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class HarvestRequest:
    """What the caller asks (money in US dollars, fractions as decimals: 0.1 = 10%).

    `ordinary_income`: the year's taxable ordinary income without capital gains; `brackets`:
    custom schedules, else the 2025 defaults of `filing_status`; `carryover_*`: prior-year
    capital-loss carryovers (>= 0); `identical_groups`: symbols to treat as substantially
    identical to one another (each symbol is always identical to itself)."""

    min_loss: Decimal | None = None
    min_loss_fraction: Decimal | None = None
    filing_status: str | None = None  # None: the investor profile's, else single
    brackets: TaxBrackets | None = None
    ordinary_income: Decimal = ZERO
    carryover_short: Decimal = ZERO
    carryover_long: Decimal = ZERO
    returns_days: int = 252
    min_correlation: float = 0.9
    max_replacements: int = 5
    universe: tuple[str, ...] = ()
    identical_groups: tuple[tuple[str, ...], ...] = ()
    scenarios: tuple[Decimal, ...] = DEFAULT_MOVES
    portfolio_id: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lot to sell now: its loss, what that saves this year, and what to hold instead."""

    lot: LotLoss
    portfolio_id: str | None
    lot_method: LotMethod
    tax_savings: Decimal
    effective_rate: Decimal
    replacements: tuple[Replacement, ...]
    rebuy_after: date


@dataclass(frozen=True, slots=True)
class HarvestReport:
    as_of: date
    tax_year: int
    brackets: TaxBrackets
    screening: Screening
    candidates: tuple[Candidate, ...]
    total_loss: Decimal
    total_savings: Decimal
    projection: Projection
    lot_methods: dict[str, LotMethod]
    returns_start: date
    returns_days: int
    min_correlation: float
    no_history: tuple[str, ...] = field(default=())
    portfolio_of: dict[str, str] = field(default_factory=dict)


def check_request(req: HarvestRequest) -> TaxBrackets:
    """The brackets to use; 422 INVALID_TAX_INPUT naming the first field out of range."""
    for name in ("min_loss", "min_loss_fraction"):
        value = getattr(req, name)
        if value is not None and (not value.is_finite() or value < ZERO):
            raise InvalidTaxInput(name, "must be a finite number >= 0")
    for name in ("ordinary_income", "carryover_short", "carryover_long"):
        value = getattr(req, name)
        if not value.is_finite() or not ZERO <= value <= Decimal("1e12"):
            raise InvalidTaxInput(name, "must be 0..1e12 dollars")
    if not MIN_RETURNS <= req.returns_days <= MAX_RETURNS:
        raise InvalidTaxInput("returns_days", f"must be {MIN_RETURNS}..{MAX_RETURNS}")
    if not -1.0 <= req.min_correlation <= 1.0:
        raise InvalidTaxInput("min_correlation", "must lie in [-1, 1]")
    if len(req.universe) > MAX_UNIVERSE:
        raise InvalidTaxInput("universe", f"at most {MAX_UNIVERSE} symbols")
    if len(req.identical_groups) > MAX_GROUPS:
        raise InvalidTaxInput("identical_groups", f"at most {MAX_GROUPS} groups")
    if not 1 <= len(req.scenarios) <= MAX_SCENARIOS or any(
        not m.is_finite() or m < -1 or m > 10 for m in req.scenarios
    ):
        raise InvalidTaxInput("scenarios", f"1..{MAX_SCENARIOS} moves, each in [-1, 10]")
    if req.brackets is not None:
        return req.brackets
    found = DEFAULT_BRACKETS.get(req.filing_status or "single")
    if found is None:
        raise InvalidTaxInput(
            "filing_status", f"must be one of {sorted(DEFAULT_BRACKETS)} (or give brackets)"
        )
    return found


def grouping(groups: Sequence[Sequence[str]]) -> Callable[[str], str]:
    """identical(symbol) -> its group's key (the group's smallest symbol; else itself)."""
    key_of: dict[str, str] = {}
    for group in groups:
        members = sorted(set(group))
        if not members:
            continue
        # a symbol named in two groups joins them (substantial identity is transitive here)
        key = min([key_of.get(s, s) for s in members])
        for s in members:
            old = key_of.get(s)
            if old is not None and old != key:
                for other, k in list(key_of.items()):
                    if k == old:
                        key_of[other] = key
            key_of[s] = key
    return lambda symbol: key_of.get(symbol, symbol)


async def plan_harvest(
    owned: OwnerLedger,
    req: HarvestRequest,
    brackets: TaxBrackets,
    identical: Callable[[str], str],
    *,
    today: date,
    prices: MarketDataPort,
    history: MarketDataProvider | None,
    uow_factory: UnitOfWorkFactory | None,
    wanted_accounts: frozenset[str] | None,
) -> HarvestReport:
    """Screen the lots, price the savings, find replacements, project the year (module doc)."""
    ledger = owned.ledger
    taxable = frozenset(
        a.id
        for a in owned.accounts.values()
        if a.tax_type is AccountTaxType.TAXABLE
        and (wanted_accounts is None or a.id in wanted_accounts)
    )
    lots = [lot for lot in ledger.open_lots if lot.account_id in taxable]
    symbols = sorted({lot.symbol for lot in lots})
    marks = await prices.reference_prices(symbols) if symbols else {}
    window = today - timedelta(days=WASH_DAYS)  # as screen_lots reads it
    recent = [
        RecentBuy(tx.id, tx.account_id, tx.symbol, tx.trade_date)
        for tx in owned.transactions
        if tx.kind is TransactionKind.BUY and tx.symbol and window <= tx.trade_date <= today
    ]
    pending = await _pending_buys(owned, uow_factory)
    screening = screen_lots(
        lots,
        marks,
        today=today,
        taxable_accounts=taxable,
        recent_buys=recent,
        pending_buys=pending,
        threshold=Threshold(req.min_loss, req.min_loss_fraction),
        identical=identical,
    )
    year = today.year
    realized_short = realized_long = ZERO
    usd = ledger.year_totals(year).get("USD")
    if usd is not None:
        realized_short, realized_long = usd[Term.SHORT].gain, usd[Term.LONG].gain
    position = YearPosition(
        req.ordinary_income, realized_short, realized_long, req.carryover_short, req.carryover_long
    )
    start = today - timedelta(days=(req.returns_days * 7) // 5 + 10)
    universe = sorted(set(symbols) | set(req.universe))
    table, no_history = await _correlations(history, universe, start, today, req.returns_days)
    candidates = []
    for item in screening.candidates:
        saved = savings_of(position, brackets, [item])
        rate = (saved / item.loss).quantize(Decimal("0.0001")) if item.loss else ZERO
        account = owned.accounts[item.lot.account_id]
        found = replacements_for(
            item.lot.symbol,
            table,
            identical=identical,
            min_correlation=req.min_correlation,
            limit=req.max_replacements,
        )
        candidates.append(
            Candidate(
                lot=item,
                portfolio_id=owned.portfolio_of.get(item.lot.account_id),
                lot_method=account.lot_method,
                tax_savings=saved,
                effective_rate=rate,
                replacements=found,
                rebuy_after=rebuy_after(today),
            )
        )
    harvested = {c.lot.lot.id for c in candidates}
    remaining = [
        LotLoss(lot, marks[lot.symbol], lot.quantity * marks[lot.symbol], ZERO, Term.SHORT)
        for lot in lots
        if lot.id not in harvested and lot.symbol in marks and lot.currency == "USD"
    ]
    projection = project_year(
        position,
        brackets,
        tax_year=year,
        harvest=screening.candidates,
        remaining=remaining,
        moves=req.scenarios,
    )
    return HarvestReport(
        as_of=today,
        tax_year=year,
        brackets=brackets,
        screening=screening,
        candidates=tuple(candidates),
        total_loss=cents(sum((c.lot.loss for c in candidates), ZERO)),
        total_savings=savings_of(position, brackets, screening.candidates),
        projection=projection,
        lot_methods=owned.lot_methods(sorted(taxable)),
        returns_start=start,
        returns_days=req.returns_days,
        min_correlation=req.min_correlation,
        no_history=no_history,
        portfolio_of=owned.portfolio_of,
    )


async def _pending_buys(
    owned: OwnerLedger, uow_factory: UnitOfWorkFactory | None
) -> list[PendingBuy]:
    trading = sorted(a.id for p in owned.portfolios for a in p.accounts if a.kind == "trading")
    if not trading or uow_factory is None:
        return []
    found: list[PendingBuy] = []
    async with uow_factory() as uow:
        for account_id in trading:
            for order in await uow.orders.list(
                account_id, open_only=True, limit=_OPEN_ORDERS_LIMIT
            ):
                if order.side is Side.BUY and order.is_open:
                    found.append(PendingBuy(order.id, order.account_id, order.symbol))
    return found


async def _correlations(
    history: MarketDataProvider | None,
    symbols: Sequence[str],
    start: date,
    today: date,
    returns_days: int,
) -> tuple[Correlations, tuple[str, ...]]:
    if history is None:
        return correlations({}), tuple(symbols)
    gate = asyncio.Semaphore(_HISTORY_CONCURRENCY)
    begin = datetime.combine(start, time(), tzinfo=UTC)
    end = datetime.combine(today + timedelta(days=1), time(), tzinfo=UTC)

    async def closes(symbol: str) -> list[tuple[date, float]] | None:
        async with gate:
            try:
                bars = await history.bars(
                    symbol, Timeframe.D1, start=begin, end=end, limit=2 * returns_days + 20
                )
            except QuoteUnavailable:  # ProviderError too: the symbol is named, not fatal
                return None
        return [(b.start.date(), float(b.close)) for b in bars[-(returns_days + 1) :]]

    series = await asyncio.gather(*(closes(s) for s in symbols))
    have = {s: c for s, c in zip(symbols, series, strict=True) if c}
    missing = tuple(s for s, c in zip(symbols, series, strict=True) if not c)
    return await asyncio.to_thread(correlations, have), missing
