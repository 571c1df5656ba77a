"""Stress measures: hedge sufficiency, the bank-run liquidity stress, the recovery timeline.

Hedge sufficiency of a scenario, in [0, 1]: how much of the unhedged book's loss the hedges
pay for. With core P&L C (positions that are not hedges) and hedge P&L H:
    C >= 0 (no loss to cover): 1;  otherwise clip(H / -C, 0, 1).
A hedge that loses too scores 0; a hedge paying more than the loss scores 1 (not more).

Liquidity stress (a "bank run"): each asset of value V with haircut h (the fraction lost in a
forced sale) and liquidation horizon n business days raises V (1 - h) / n on each of days
1..n (cash: n = 1, h = 0). Against daily obligations (outflows), day by day: cumulative cash
raisable minus cumulative obligations is the surplus; the first day it is negative is the
first shortfall, and the days before it are the days survived. A run on deposits D at a
daily rate q withdraws D q (1 - q)^(d-1) on day d (a fraction q of what is left each day).

Recovery timeline: after a loss L (a fraction of the value), at an expected return r a year
compounded monthly ((1 + r)^(1/12) - 1 a month), the months m to regain the peak solve
(1 - L)(1 + r)^(m/12) = 1: m = 12 ln(1 / (1 - L)) / ln(1 + r). The month it is regained is
ceil(m). At r <= 0 a loss is never regained (None).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from domain.analytics.scenarios.factors import InvalidScenario
from domain.numbers import CENT, ONE, ZERO

MAX_DAYS = 366
MAX_ASSETS = 10_000
MAX_AMOUNT = Decimal("1e15")


def hedge_sufficiency(core_pnl: Decimal, hedge_pnl: Decimal) -> float:
    """In [0, 1] (module doc)."""
    if core_pnl >= 0:
        return 1.0
    return float(min(ONE, max(ZERO, hedge_pnl / -core_pnl)))


@dataclass(frozen=True, slots=True)
class LiquidAsset:
    """An asset that can be sold: `value` in the base currency, `haircut` the fraction lost in
    a forced sale ([0, 1)), `horizon_days` the business days to sell all of it (>= 1)."""

    name: str
    value: Decimal
    haircut: Decimal
    horizon_days: int


@dataclass(frozen=True, slots=True)
class LiquidityDay:
    day: int
    raised: Decimal
    cumulative_raised: Decimal
    obligation: Decimal
    cumulative_obligations: Decimal
    surplus: Decimal  # cumulative_raised - cumulative_obligations


@dataclass(frozen=True, slots=True)
class LiquidityStress:
    days: tuple[LiquidityDay, ...]
    first_shortfall_day: int | None
    days_survived: int  # days before the first shortfall (all days when there is none)
    total_raisable: Decimal  # every asset sold, after haircuts
    total_obligations: Decimal
    coverage: float | None  # total_raisable / total_obligations; None without obligations


def run_outflows(deposits: Decimal, daily_rate: Decimal, days: int) -> list[Decimal]:
    """A run at `daily_rate` of what is left each day, over `days` days (module doc)."""
    if not deposits.is_finite() or not ZERO <= deposits <= MAX_AMOUNT:
        raise InvalidScenario("deposits: an amount in [0, 1e15]", field="run.deposits")
    if not daily_rate.is_finite() or not ZERO < daily_rate <= ONE:
        raise InvalidScenario("run.daily_rate: a fraction in (0, 1]", field="run.daily_rate")
    if not 1 <= days <= MAX_DAYS:
        raise InvalidScenario(f"run.days: 1 to {MAX_DAYS}", field="run.days")
    left, out = deposits, []
    for _ in range(days):
        taken = left * daily_rate
        out.append(taken)
        left -= taken
    return out


def liquidity_stress(
    assets: Sequence[LiquidAsset], obligations: Sequence[Decimal]
) -> LiquidityStress:
    """Day by day over len(obligations) days (module doc); money to the cent (half-even)."""
    if not assets:
        raise InvalidScenario("give at least one asset (cash counts)", field="assets")
    if len(assets) > MAX_ASSETS:
        raise InvalidScenario(f"at most {MAX_ASSETS:,} assets", field="assets")
    if not 1 <= len(obligations) <= MAX_DAYS:
        raise InvalidScenario(f"obligations: 1 to {MAX_DAYS} days", field="obligations")
    horizon = len(obligations)
    # starts[d]: the daily amount that starts on day d; a difference array ends each asset.
    change = [ZERO] * (horizon + 2)
    total_raisable = ZERO
    for index, asset in enumerate(assets):
        _check_asset(asset, f"assets[{index}]")
        net = asset.value * (ONE - asset.haircut)
        total_raisable += net
        daily = net / asset.horizon_days
        change[1] += daily
        change[min(asset.horizon_days, horizon) + 1] -= daily
    for index, amount in enumerate(obligations):
        if not amount.is_finite() or not ZERO <= amount <= MAX_AMOUNT:
            raise InvalidScenario(
                f"obligations[{index}]: an amount in [0, 1e15]", field=f"obligations[{index}]"
            )
    days, rate, raised, owed, shortfall = [], ZERO, ZERO, ZERO, None
    for day in range(1, horizon + 1):
        rate += change[day]
        raised += rate
        owed += obligations[day - 1]
        surplus = raised - owed
        if shortfall is None and surplus < 0:
            shortfall = day
        days.append(
            LiquidityDay(
                day,
                _cents(rate),
                _cents(raised),
                _cents(obligations[day - 1]),
                _cents(owed),
                _cents(surplus),
            )
        )
    total_owed = sum(obligations, ZERO)
    return LiquidityStress(
        days=tuple(days),
        first_shortfall_day=shortfall,
        days_survived=horizon if shortfall is None else shortfall - 1,
        total_raisable=_cents(total_raisable),
        total_obligations=_cents(total_owed),
        coverage=None if total_owed == 0 else float(total_raisable / total_owed),
    )


def _check_asset(asset: LiquidAsset, where: str) -> None:
    if not asset.value.is_finite() or not ZERO <= asset.value <= MAX_AMOUNT:
        raise InvalidScenario(f"{where}.value: an amount in [0, 1e15]", field=f"{where}.value")
    if not asset.haircut.is_finite() or not ZERO <= asset.haircut < ONE:
        raise InvalidScenario(
            f"{where}.haircut: a fraction in [0, 1) lost in a forced sale", field=f"{where}.haircut"
        )
    if not 1 <= asset.horizon_days <= MAX_DAYS:
        raise InvalidScenario(
            f"{where}.horizon_days: 1 to {MAX_DAYS} business days", field=f"{where}.horizon_days"
        )


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True, slots=True)
class Recovery:
    loss: float  # fraction of the peak value
    expected_return: float  # a year, compounded monthly
    months: float | None  # exact; None: never at this return
    whole_months: int | None  # the month the peak is regained: ceil(months)
    required_gain: float  # L / (1 - L): the gain on what is left that regains the peak


def recovery(loss: float, expected_return: float) -> Recovery:
    """Months to regain a loss at an expected return (module doc)."""
    if not math.isfinite(loss) or not 0.0 <= loss < 1.0:
        raise InvalidScenario("loss: a fraction in [0, 1)", field="loss")
    if not math.isfinite(expected_return) or not -1.0 < expected_return <= 10.0:
        raise InvalidScenario(
            "expected_return: a fraction a year in (-1, 10]", field="expected_return"
        )
    required = loss / (1.0 - loss)
    if loss == 0.0:
        return Recovery(loss, expected_return, 0.0, 0, 0.0)
    if expected_return <= 0.0:
        return Recovery(loss, expected_return, None, None, required)
    months = 12.0 * math.log(1.0 / (1.0 - loss)) / math.log1p(expected_return)
    return Recovery(loss, expected_return, months, math.ceil(months - 1e-12), required)


# Liquidation terms of a stored holding (haircut, business days to sell all of it) by the
# asset class of its stored instrument: illustrative defaults of this service, not a
# regulator's table; a request may override them per asset class or per symbol.
#   cash 0 over 1 day; fx 1 % over 1; equity 10 % over 2; option 20 % over 3; crypto 25 %
#   over 2. A holding with no stored instrument takes the equity terms (and says so). A
#   future is not an asset to sell (its notional raises no cash): it is left out.
CASH_CLASS = "cash"
LIQUIDITY_TERMS: dict[str, tuple[Decimal, int]] = {
    CASH_CLASS: (ZERO, 1),
    "fx": (Decimal("0.01"), 1),
    "equity": (Decimal("0.10"), 2),
    "option": (Decimal("0.20"), 3),
    "crypto": (Decimal("0.25"), 2),
}
UNSOLD_CLASSES = frozenset({"future"})
DEFAULT_CLASS = "equity"  # a holding whose instrument is not stored


def liquidation_terms(
    symbol: str,
    asset_class: str | None,
    overrides: dict[str, tuple[Decimal, int]] | None = None,
) -> tuple[Decimal, int, str]:
    """(haircut, horizon_days, basis) of a stored holding: a posted override for its symbol,
    else for its asset class, else LIQUIDITY_TERMS by asset class (module comment above);
    `basis` says which was used."""
    given = overrides or {}
    if symbol in given:
        haircut, days = given[symbol]
        return haircut, days, f"posted for {symbol}"
    cls = asset_class or DEFAULT_CLASS
    if cls in given:
        haircut, days = given[cls]
        return haircut, days, f"posted for asset class {cls}"
    haircut, days = LIQUIDITY_TERMS.get(cls, LIQUIDITY_TERMS[DEFAULT_CLASS])
    if asset_class is None:
        return haircut, days, f"no stored instrument: the {DEFAULT_CLASS} default"
    return haircut, days, f"asset class {cls} default"
