"""A rebalance proposal: the trades that bring out-of-band symbols back to target.

Conventions (docs/rebalancing.md):
- Bands are absolute weight tolerances: a symbol whose household weight is within `band` of
  its target weight is not traded (turnover is spent only where the drift is out of band);
  one out of band is traded back to its target (not to the band's edge).
- Sales draw on lots in the tax-aware order of lot_choice.py (tax-advantaged accounts first,
  then losses, then long-term gains, short-term gains last), never a loss lot that would be
  a wash sale. Each sold lot is named with its estimated realised gain at the given price.
- Buys spend the cash each account has after its sales (no account goes below zero cash):
  accounts whose own target holds the symbol first, tax-advantaged ones first, then by cash.
- Quantities: whole shares (rounded down per lot and per account) unless `fractional`, then
  multiples of FRACTION_QUANTUM. Money is rounded to cents only when reported.
- What the proposal cannot bring into band it names in `unresolved` with the reason:
  WASH_SALE (the lots left would realise a wash sale), NO_CASH (no account can fund the buy),
  NOT_TRADABLE (what is left to sell is in accounts the platform cannot trade)
  or WHOLE_SHARES (the residual is less than the rounding of whole shares allows).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from domain.numbers import CENT, ZERO
from domain.rebalancing.lot_choice import (
    LOT_METHOD,
    WASH_DAYS,
    Candidate,
    bought_recently,
    sale_order,
    would_wash,
)
from domain.rebalancing.model import (
    AccountHoldings,
    Lot,
    RecentBuy,
    check_inputs,
    drift_of,
    price_of,
)
from domain.tax.holding import holding_term

FRACTION_QUANTUM = Decimal("0.000001")
WHOLE = Decimal(1)
BASIS_QUANTUM = Decimal("1e-10")
SHELTERED = "sheltered"  # the term of a sale in a tax-advantaged account: nothing is taxed


@dataclass(frozen=True, slots=True)
class RebalanceSettings:
    band: Decimal = Decimal("0.05")
    fractional: bool = False

    @property
    def quantum(self) -> Decimal:
        return FRACTION_QUANTUM if self.fractional else WHOLE


@dataclass(frozen=True, slots=True)
class LotSale:
    """Part or all of one lot sold: estimated proceeds, basis relieved and realised gain."""

    account_id: str
    lot_id: str
    symbol: str
    quantity: Decimal
    proceeds: Decimal
    basis: Decimal
    term: str  # "short", "long" or "sheltered" (tax-advantaged account)

    @property
    def gain(self) -> Decimal:
        return self.proceeds - self.basis


@dataclass(frozen=True, slots=True)
class Trade:
    account_id: str
    symbol: str
    side: str  # "buy" or "sell"
    quantity: Decimal
    price: Decimal
    lots: tuple[LotSale, ...] = ()

    @property
    def value(self) -> Decimal:
        return self.quantity * self.price


@dataclass(frozen=True, slots=True)
class Unresolved:
    symbol: str
    reason: str  # WASH_SALE, NO_CASH, NOT_TRADABLE or WHOLE_SHARES
    drift_weight: Decimal  # after the proposal's trades


@dataclass(frozen=True, slots=True)
class Proposal:
    trade_day: date
    settings: RebalanceSettings
    value: Decimal
    trades: tuple[Trade, ...]
    unresolved: tuple[Unresolved, ...]
    wash_free_after: Mapping[str, date]  # symbol sold at a taxable loss -> first safe rebuy
    lot_method: str = LOT_METHOD

    @property
    def lot_sales(self) -> tuple[LotSale, ...]:
        return tuple(sale for trade in self.trades for sale in trade.lots)

    @property
    def turnover(self) -> Decimal:
        """Sum of |trade value| over the household's value (one-way both sides)."""
        traded = sum((t.value for t in self.trades), ZERO)
        return (traded / self.value).quantize(Decimal("1e-8")) if self.value > ZERO else ZERO

    def realised_gain(self, term: str | None = None) -> Decimal:
        """Estimated taxable gain (sheltered sales excluded), of one term when named."""
        taxable = (s for s in self.lot_sales if s.term != SHELTERED)
        chosen = (s for s in taxable if term is None or s.term == term)
        return sum((s.gain for s in chosen), ZERO).quantize(CENT)


def _round(value: Decimal, quantum: Decimal, rounding: str = ROUND_DOWN) -> Decimal:
    return value.quantize(quantum, rounding=rounding)


def _sell(
    candidates: list[Candidate],
    shares: Decimal,
    price: Decimal,
    today: date,
    quantum: Decimal,
    washed: frozenset[str],
) -> tuple[list[LotSale], bool]:
    sales: list[LotSale] = []
    blocked = False
    for candidate in candidates:
        if shares <= ZERO:
            break
        if would_wash(candidate, price, washed):
            blocked = True
            continue
        lot = candidate.lot
        quantity = _round(min(lot.quantity, shares), quantum)
        if quantity <= ZERO:
            continue
        basis = (
            lot.cost_basis
            if quantity == lot.quantity
            else _round(lot.cost_basis * quantity / lot.quantity, BASIS_QUANTUM, ROUND_HALF_EVEN)
        )
        term = SHELTERED if candidate.tax_advantaged else holding_term(lot.acquired, today).value
        sales.append(
            LotSale(
                candidate.account_id, lot.id, lot.symbol, quantity, quantity * price, basis, term
            )
        )
        shares -= quantity
    return sales, blocked


def _buy_order(
    accounts: Sequence[AccountHoldings], symbol: str, cash: Mapping[str, Decimal]
) -> list[str]:
    return [
        a.account_id
        for a in sorted(
            (a for a in accounts if a.tradable),
            key=lambda a: (
                a.target.get(symbol, ZERO) <= ZERO,
                not a.tax_advantaged,
                -cash[a.account_id],
                a.account_id,
            ),
        )
    ]


def _held_untradable(accounts: Sequence[AccountHoldings], symbol: str) -> bool:
    return any(not a.tradable and symbol in a.quantities() for a in accounts)


def propose(
    accounts: Sequence[AccountHoldings],
    prices: Mapping[str, Decimal],
    today: date,
    recent_buys: Sequence[RecentBuy] = (),
    settings: RebalanceSettings | None = None,
) -> Proposal:
    """The household's rebalance at `prices` on `today` (module doc)."""
    settings = settings or RebalanceSettings()
    check_inputs(accounts, settings.band)
    before = drift_of(accounts, prices, settings.band)
    out = [s for s in before.symbols if s.out_of_band]
    to_sell = {s.symbol: s.drift_value for s in out if s.drift_value > 0}
    to_buy = {s.symbol: -s.drift_value for s in out if s.drift_value < 0}
    washed = bought_recently(recent_buys, today, also_bought=to_buy)
    cash = {a.account_id: a.cash for a in accounts}
    trades: list[Trade] = []
    reasons: dict[str, str] = {}
    loss_sold: dict[str, date] = {}
    for symbol in sorted(to_sell):
        price = price_of(prices, symbol)
        shares = _round(to_sell[symbol] / price, settings.quantum, ROUND_HALF_EVEN)
        sales, was_blocked = _sell(
            sale_order(accounts, symbol, price, today),
            shares,
            price,
            today,
            settings.quantum,
            washed,
        )
        if was_blocked:
            reasons[symbol] = "WASH_SALE"
        elif sum((s.quantity for s in sales), ZERO) < shares and _held_untradable(accounts, symbol):
            reasons[symbol] = "NOT_TRADABLE"
        by_account: dict[str, list[LotSale]] = {}
        for sale in sales:
            by_account.setdefault(sale.account_id, []).append(sale)
            if sale.term != SHELTERED and sale.gain < ZERO:
                loss_sold[symbol] = today + timedelta(days=WASH_DAYS + 1)
        for account_id in sorted(by_account):
            lots = tuple(by_account[account_id])
            quantity = sum((s.quantity for s in lots), ZERO)
            trades.append(Trade(account_id, symbol, "sell", quantity, price, lots))
            cash[account_id] += quantity * price
    for symbol in sorted(to_buy, key=lambda s: (-to_buy[s], s)):
        price = price_of(prices, symbol)
        want = _round(to_buy[symbol] / price, settings.quantum, ROUND_HALF_EVEN)
        for account_id in _buy_order(accounts, symbol, cash):
            if want <= ZERO:
                break
            quantity = _round(min(want, cash[account_id] / price), settings.quantum)
            if quantity <= ZERO:
                continue
            trades.append(Trade(account_id, symbol, "buy", quantity, price))
            cash[account_id] -= quantity * price
            want -= quantity
        if want > ZERO:
            reasons[symbol] = "NO_CASH"
    after = drift_of(apply_trades(accounts, trades), prices, settings.band)
    unresolved = tuple(
        Unresolved(s.symbol, reasons.get(s.symbol, "WHOLE_SHARES"), s.drift_weight)
        for s in after.symbols
        if s.out_of_band
    )
    return Proposal(today, settings, before.value, tuple(trades), unresolved, loss_sold)


def apply_trades(
    accounts: Sequence[AccountHoldings], trades: Sequence[Trade]
) -> list[AccountHoldings]:
    """The accounts after `trades` fill at their prices (sold lots reduced, buys new lots)."""
    result = []
    for account in accounts:
        mine = [t for t in trades if t.account_id == account.account_id]
        taken: dict[str, LotSale] = {s.lot_id: s for t in mine for s in t.lots}
        lots: list[Lot] = []
        for lot in account.lots:
            sale = taken.get(lot.id)
            if sale is None:
                lots.append(lot)
            elif sale.quantity < lot.quantity:
                lots.append(
                    replace(
                        lot,
                        quantity=lot.quantity - sale.quantity,
                        cost_basis=lot.cost_basis - sale.basis,
                    )
                )
        cash = account.cash
        for n, trade in enumerate(mine):
            if trade.side == "sell":
                cash += trade.value
            else:
                cash -= trade.value
                lots.append(
                    Lot(f"rebalance:{n}", trade.symbol, trade.quantity, trade.value, date.max)
                )
        result.append(replace(account, cash=cash, lots=tuple(lots)))
    return result
