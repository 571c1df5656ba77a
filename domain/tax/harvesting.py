"""Tax-loss harvesting: which open lots to sell at a loss now, what it saves, what to buy instead.

Conventions (money: Decimal US dollars; rates: fractions; dates: trade dates):
- a lot's unrealized result = quantity x price - cost_basis (the adjusted basis, wash-sale
  additions included); a CANDIDATE is an open lot of a taxable account, priced, in USD, whose
  loss (> 0) is at least `min_loss` dollars AND at least `min_loss_fraction` of its basis
  (each test only when given);
- wash-sale window (IRS section 1091, Publication 550): selling a lot at a loss today is
  washed by a purchase of a substantially identical security 30 days before or after. A lot is
  BLOCKED, not a candidate, when any of the user's accounts (an IRA too) bought a symbol of its
  identical group on or after today - 30 days (a buy other than the lot itself), or holds an
  open BUY order of one. `rebuy_after` = today + 31 days: the first day a repurchase does not
  wash the harvested loss;
- the term of a harvested loss is the holding term on `today` (domain.tax.holding: held more
  than one year, IRS day count: long);
- tax savings: the federal tax of the year (brackets.capital_gains_year: realized year-to-date
  results, netting, the $3,000 ordinary offset) without the harvest minus with it. Per candidate
  the harvest is that lot alone; `total_savings` harvests them all together (netting makes it
  differ from the sum). `effective_rate` = savings / loss, the marginal rate after netting: a
  short-term loss meeting short-term gains saves the ordinary rate, a loss meeting long-term
  gains the LTCG rate, a loss past the gains and the $3,000 offset saves nothing this year (it
  carries forward: `carryforward_*` of the projection);
- replacements: other symbols whose Pearson correlation of daily log returns with the lot's
  symbol is >= `min_correlation` (0.9) over the returns window, never one of the same
  substantially identical group (those would wash the loss), best first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

from domain.numbers import ZERO
from domain.tax.brackets import CapitalGainsYear, TaxBrackets, capital_gains_year, cents
from domain.tax.holding import holding_term
from domain.tax.lots import TaxLot
from domain.tax.methods import Term
from domain.tax.wash_sales import WINDOW, wash_window

WASH_DAYS = WINDOW.days  # IRC 1091: 30 days before or after the sale
US_DOLLAR = "USD"


@dataclass(frozen=True, slots=True)
class RecentBuy:
    """A BUY transaction (its id is the id of the lot it created)."""

    id: str
    account_id: str
    symbol: str
    trade_date: date


@dataclass(frozen=True, slots=True)
class PendingBuy:
    """An open BUY order of one of the user's trading accounts."""

    order_id: str
    account_id: str
    symbol: str


@dataclass(frozen=True, slots=True)
class WashBlock:
    """Why a lot cannot be harvested today: `kind` "recent_buy" (ref = the buy's id, on `day`)
    or "pending_buy" (ref = the order id, day None)."""

    kind: str
    ref: str
    account_id: str
    symbol: str
    day: date | None


@dataclass(frozen=True, slots=True)
class Threshold:
    """A lot qualifies when its loss >= min_loss and loss / basis >= min_loss_fraction."""

    min_loss: Decimal | None = None
    min_loss_fraction: Decimal | None = None

    def passes(self, loss: Decimal, basis: Decimal) -> bool:
        if loss <= ZERO:
            return False
        if self.min_loss is not None and loss < self.min_loss:
            return False
        return not (
            self.min_loss_fraction is not None
            and (basis <= ZERO or loss / basis < self.min_loss_fraction)
        )


@dataclass(frozen=True, slots=True)
class LotLoss:
    """An open lot valued at `price`: `loss` = cost_basis - market_value (> 0 for a loss)."""

    lot: TaxLot
    price: Decimal
    market_value: Decimal
    loss: Decimal
    term: Term


@dataclass(frozen=True, slots=True)
class Screening:
    """Candidates (losses passing the threshold, not blocked), blocked losers with their
    blocks, and the lots left out with a reason (UNPRICED, CURRENCY)."""

    candidates: tuple[LotLoss, ...]
    blocked: tuple[tuple[LotLoss, tuple[WashBlock, ...]], ...]
    skipped: tuple[tuple[str, str], ...]


def rebuy_after(today: date) -> date:
    """The first day a repurchase no longer washes a loss realized `today`."""
    return wash_window(today)[1] + timedelta(days=1)


def identity(symbol: str) -> str:
    """The default grouping: a symbol is substantially identical only to itself."""
    return symbol


def screen_lots(
    lots: Iterable[TaxLot],
    prices: Mapping[str, Decimal],
    *,
    today: date,
    taxable_accounts: frozenset[str],
    recent_buys: Sequence[RecentBuy],
    pending_buys: Sequence[PendingBuy],
    threshold: Threshold,
    identical: Callable[[str], str] = identity,
    term_of: Callable[[date, date], Term] = holding_term,
) -> Screening:
    """Split the taxable accounts' open lots into candidates and wash-blocked losers."""
    window_start, _ = wash_window(today)  # the engine's window, so the two agree
    buys_by_group: dict[str, list[RecentBuy]] = {}
    for buy in recent_buys:
        if window_start <= buy.trade_date <= today:
            buys_by_group.setdefault(identical(buy.symbol), []).append(buy)
    pending_by_group: dict[str, list[PendingBuy]] = {}
    for order in pending_buys:
        pending_by_group.setdefault(identical(order.symbol), []).append(order)
    candidates: list[LotLoss] = []
    blocked: list[tuple[LotLoss, tuple[WashBlock, ...]]] = []
    skipped: list[tuple[str, str]] = []
    for lot in lots:
        if lot.account_id not in taxable_accounts:
            continue
        if lot.currency != US_DOLLAR:
            skipped.append((lot.id, "CURRENCY"))
            continue
        price = prices.get(lot.symbol)
        if price is None:
            skipped.append((lot.id, "UNPRICED"))
            continue
        value = lot.quantity * price
        loss = lot.cost_basis - value
        if not threshold.passes(loss, lot.cost_basis):
            continue
        found = LotLoss(lot, price, value, loss, term_of(lot.acquired, today))
        group = identical(lot.symbol)
        blocks = [
            WashBlock("recent_buy", b.id, b.account_id, b.symbol, b.trade_date)
            for b in buys_by_group.get(group, ())
            if b.id != lot.id
        ] + [
            WashBlock("pending_buy", o.order_id, o.account_id, o.symbol, None)
            for o in pending_by_group.get(group, ())
        ]
        if blocks:
            blocked.append((found, tuple(blocks)))
        else:
            candidates.append(found)
    candidates.sort(key=lambda c: (-c.loss, c.lot.id))
    return Screening(tuple(candidates), tuple(blocked), tuple(skipped))


@dataclass(frozen=True, slots=True)
class YearPosition:
    """The year so far: realized short/long results (gains +), the filer's ordinary taxable
    income (gains excluded) and prior-year loss carryovers (>= 0)."""

    ordinary_income: Decimal
    realized_short: Decimal
    realized_long: Decimal
    carryover_short: Decimal = ZERO
    carryover_long: Decimal = ZERO

    def tax(
        self, brackets: TaxBrackets, short: Decimal = ZERO, long: Decimal = ZERO
    ) -> CapitalGainsYear:
        """The year with `short` / `long` added to the realized results."""
        return capital_gains_year(
            brackets,
            self.ordinary_income,
            self.realized_short + short,
            self.realized_long + long,
            carryover_short=self.carryover_short,
            carryover_long=self.carryover_long,
        )


def split_by_term(items: Iterable[LotLoss]) -> tuple[Decimal, Decimal]:
    """(short, long) sums of the items' results as gains (a loss counts negative)."""
    short = long = ZERO
    for item in items:
        if item.term is Term.LONG:
            long -= item.loss
        else:
            short -= item.loss
    return short, long


def savings_of(
    position: YearPosition, brackets: TaxBrackets, harvest: Iterable[LotLoss]
) -> Decimal:
    """Federal tax of the year without `harvest` minus with it, to the cent (>= 0)."""
    short, long = split_by_term(harvest)
    before = position.tax(brackets).tax
    after = position.tax(brackets, short, long).tax
    return cents(before - after)


@dataclass(frozen=True, slots=True)
class Scenario:
    """Every remaining open lot (taxable, priced, USD, not harvested) sold on the year's last
    day at price x (1 + move); terms as of that day."""

    move: Decimal
    unrealized_short: Decimal
    unrealized_long: Decimal
    year: CapitalGainsYear


@dataclass(frozen=True, slots=True)
class Projection:
    """The year's capital gains: as realized so far, after the harvest, and under scenarios."""

    tax_year: int
    realized_short: Decimal
    realized_long: Decimal
    harvested_short: Decimal
    harvested_long: Decimal
    before_harvest: CapitalGainsYear
    after_harvest: CapitalGainsYear
    scenarios: tuple[Scenario, ...]


def project_year(
    position: YearPosition,
    brackets: TaxBrackets,
    *,
    tax_year: int,
    harvest: Sequence[LotLoss],
    remaining: Sequence[LotLoss],
    moves: Sequence[Decimal],
    term_of: Callable[[date, date], Term] = holding_term,
) -> Projection:
    """`remaining`: the other open lots valued now (LotLoss of any sign), moved per scenario."""
    harvested_short, harvested_long = split_by_term(harvest)
    year_end = date(tax_year, 12, 31)
    scenarios = []
    terms = [term_of(item.lot.acquired, year_end) for item in remaining]
    for move in moves:
        short = long = ZERO
        factor = 1 + move
        for item, term in zip(remaining, terms, strict=True):
            gain = item.market_value * factor - item.lot.cost_basis
            if term is Term.LONG:
                long += gain
            else:
                short += gain
        year = position.tax(brackets, harvested_short + short, harvested_long + long)
        scenarios.append(Scenario(move, cents(short), cents(long), year))
    return Projection(
        tax_year=tax_year,
        realized_short=position.realized_short,
        realized_long=position.realized_long,
        harvested_short=cents(harvested_short),
        harvested_long=cents(harvested_long),
        before_harvest=position.tax(brackets),
        after_harvest=position.tax(brackets, harvested_short, harvested_long),
        scenarios=tuple(scenarios),
    )


@dataclass(frozen=True, slots=True)
class Correlations:
    """Pearson correlations of daily log returns, pairwise-complete: `matrix[i, j]` (NaN when
    fewer than `min_observations` common returns or a constant series), `observations[i, j]`."""

    symbols: tuple[str, ...]
    matrix: np.ndarray
    observations: np.ndarray

    def index(self, symbol: str) -> int | None:
        try:
            return self.symbols.index(symbol)
        except ValueError:
            return None


def correlations(
    closes: Mapping[str, Sequence[tuple[date, float]]], *, min_observations: int = 20
) -> Correlations:
    """Correlation matrix of daily log returns. Closes are aligned on the union of days; a
    return is log(c_t / c_prev) between consecutive days of that union where the symbol has
    both closes (a missing day leaves a gap, not a multi-day return)."""
    symbols = tuple(sorted(closes))
    days = sorted({d for series in closes.values() for d, _ in series})
    position = {d: k for k, d in enumerate(days)}
    grid = np.full((len(days), len(symbols)), np.nan)
    for j, symbol in enumerate(symbols):
        for d, close in closes[symbol]:
            if close > 0:
                grid[position[d], j] = close
    with np.errstate(invalid="ignore", divide="ignore"):
        returns = np.diff(np.log(grid), axis=0) if len(days) > 1 else np.empty((0, len(symbols)))
    present = np.isfinite(returns).astype(np.float64)
    x = np.where(present > 0, returns, 0.0)
    n = present.T @ present
    sum_x = x.T @ present  # [i, j]: sum of x_i where both i and j are present
    sum_xx = (x * x).T @ present
    sum_xy = x.T @ x
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = sum_xy - sum_x * sum_x.T / n
        var_i = sum_xx - sum_x * sum_x / n
        corr = cov / np.sqrt(var_i * var_i.T)
    corr = np.where((n >= min_observations) & (var_i > 1e-300) & (var_i.T > 1e-300), corr, np.nan)
    corr = np.clip(corr, -1.0, 1.0)
    return Correlations(symbols, corr, n.astype(np.int64))


@dataclass(frozen=True, slots=True)
class Replacement:
    symbol: str
    correlation: float
    observations: int


def replacements_for(
    symbol: str,
    table: Correlations,
    *,
    identical: Callable[[str], str] = identity,
    min_correlation: float = 0.9,
    limit: int = 5,
) -> tuple[Replacement, ...]:
    """Symbols correlated >= min_correlation with `symbol`, outside its identical group."""
    i = table.index(symbol)
    if i is None:
        return ()
    group = identical(symbol)
    found = []
    for j, other in enumerate(table.symbols):
        value = float(table.matrix[i, j])
        if j == i or identical(other) == group or not value >= min_correlation:
            continue
        found.append(Replacement(other, value, int(table.observations[i, j])))
    found.sort(key=lambda r: (-r.correlation, r.symbol))
    return tuple(found[:limit])
