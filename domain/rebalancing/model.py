"""Holdings, targets and drift: the inputs of a rebalance and how far they are off target.

Units: money in the household's currency (Decimal, never float); quantities in shares
(Decimal, fractional allowed); weights are fractions of the value they are measured against
(0.05 = 5%), Decimal. An account's value is its cash plus its lots at the given prices; its
target allocation names fractions of that value per symbol (summing to at most 1, the rest is
meant as cash). The household's target money per symbol is the sum of its accounts' target
money, so its target weight is that sum over the household's value.

Drift of a symbol = current weight - target weight (positive: overweight), and in money =
current value - target value. A symbol is out of band when |drift weight| > band.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from domain.errors import DomainError
from domain.numbers import CENT, ONE, ZERO

WEIGHT_QUANTUM = Decimal("1e-8")


class InvalidRebalanceInput(DomainError):
    """A rebalance input that cannot be used (a negative lot, a missing price, a bad band)."""

    code = "INVALID_REBALANCE_INPUT"


@dataclass(frozen=True, slots=True)
class Lot:
    """An open tax lot: `cost_basis` is the lot's TOTAL basis; `acquired` the holding start."""

    id: str
    symbol: str
    quantity: Decimal
    cost_basis: Decimal
    acquired: date


@dataclass(frozen=True, slots=True)
class AccountHoldings:
    """One account: tax-advantaged (an IRA: no tax on what it sells) or taxable."""

    account_id: str
    cash: Decimal
    lots: tuple[Lot, ...]
    target: Mapping[str, Decimal]
    tax_advantaged: bool = False
    # False for an account the platform cannot trade (manual holdings): it counts in the
    # household's value and drift, but nothing is sold from it or bought into it.
    tradable: bool = True

    def quantities(self) -> dict[str, Decimal]:
        held: dict[str, Decimal] = {}
        for lot in self.lots:
            held[lot.symbol] = held.get(lot.symbol, ZERO) + lot.quantity
        return held

    def value(self, prices: Mapping[str, Decimal]) -> Decimal:
        return self.cash + sum(
            (lot.quantity * price_of(prices, lot.symbol) for lot in self.lots), ZERO
        )


@dataclass(frozen=True, slots=True)
class RecentBuy:
    """A purchase of `symbol` on `day` in any account of the owner (for the wash-sale window)."""

    account_id: str
    symbol: str
    day: date


@dataclass(frozen=True, slots=True)
class SymbolDrift:
    symbol: str
    value: Decimal
    target_value: Decimal
    weight: Decimal
    target_weight: Decimal
    drift_weight: Decimal  # (value - target value) / household value, rounded on its own
    out_of_band: bool

    @property
    def drift_value(self) -> Decimal:
        return self.value - self.target_value


@dataclass(frozen=True, slots=True)
class Drift:
    """Drift of one account (`account_id`) or of the household (`account_id` None)."""

    account_id: str | None
    value: Decimal
    cash: Decimal
    symbols: tuple[SymbolDrift, ...] = field(default=())

    @property
    def max_abs_drift(self) -> Decimal:
        return max((abs(s.drift_weight) for s in self.symbols), default=ZERO)


def price_of(prices: Mapping[str, Decimal], symbol: str) -> Decimal:
    price = prices.get(symbol)
    if price is None or not price.is_finite() or price <= ZERO:
        raise InvalidRebalanceInput(f"no positive price for {symbol}", field="prices")
    return price


def check_inputs(accounts: Sequence[AccountHoldings], band: Decimal) -> None:
    if not band.is_finite() or band < ZERO or band >= ONE:
        raise InvalidRebalanceInput("band must be a fraction in [0, 1)", field="band")
    seen: set[str] = set()
    for account in accounts:
        if account.account_id in seen:
            raise InvalidRebalanceInput(f"account {account.account_id} twice", field="accounts")
        seen.add(account.account_id)
        if account.cash < ZERO:
            raise InvalidRebalanceInput("cash must not be negative", field="cash")
        if (
            any(w < ZERO for w in account.target.values())
            or sum(account.target.values(), ZERO) > ONE
        ):
            raise InvalidRebalanceInput(
                "target fractions must be >= 0 and sum to at most 1", field="target"
            )
        for lot in account.lots:
            if lot.quantity <= ZERO or lot.cost_basis < ZERO:
                raise InvalidRebalanceInput(f"lot {lot.id} is not a long lot", field="lots")


def _weight(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole).quantize(WEIGHT_QUANTUM) if whole > ZERO else ZERO


def drift_of(
    accounts: Sequence[AccountHoldings],
    prices: Mapping[str, Decimal],
    band: Decimal,
    *,
    account_id: str | None = None,
) -> Drift:
    """Drift of `accounts` taken together (one account: that account's drift)."""
    check_inputs(accounts, band)
    total = sum((a.value(prices) for a in accounts), ZERO)
    cash = sum((a.cash for a in accounts), ZERO)
    held: dict[str, Decimal] = {}
    target: dict[str, Decimal] = {}
    for account in accounts:
        value = account.value(prices)
        for symbol, quantity in account.quantities().items():
            held[symbol] = held.get(symbol, ZERO) + quantity * price_of(prices, symbol)
        for symbol, fraction in account.target.items():
            target[symbol] = target.get(symbol, ZERO) + fraction * value
    rows = []
    for symbol in sorted(held.keys() | target.keys()):
        value, goal = held.get(symbol, ZERO), target.get(symbol, ZERO)
        exact = (value - goal) / total if total > ZERO else ZERO
        rows.append(
            SymbolDrift(
                symbol=symbol,
                value=value.quantize(CENT),
                target_value=goal.quantize(CENT),
                weight=_weight(value, total),
                target_weight=_weight(goal, total),
                drift_weight=exact.quantize(WEIGHT_QUANTUM),
                out_of_band=abs(exact) > band,
            )
        )
    return Drift(account_id, total.quantize(CENT), cash.quantize(CENT), tuple(rows))


def account_drifts(
    accounts: Sequence[AccountHoldings], prices: Mapping[str, Decimal], band: Decimal
) -> tuple[Drift, ...]:
    return tuple(drift_of([a], prices, band, account_id=a.account_id) for a in accounts)
