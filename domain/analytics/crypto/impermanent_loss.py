"""Impermanent loss of a liquidity position against holding the tokens it started with.

Conventions. A pool of token0 (the base, e.g. ETH) and token1 (the quote, e.g. USDC); a price
is token1 per token0 (Uniswap's P = y / x); values are in token1. The position is opened at
`entry_price` with `deposit` (token1's worth of both tokens, in the pool's proportion there)
and compared, at each later price, with holding the entry amounts. Fees earned are not
counted: the loss is the divergence loss alone.

Amounts of a position of liquidity L over the price range [pa, pb] (Uniswap v3 whitepaper,
Adams et al. 2021, section 6.2.3 and 6.3), with s = sqrt(P) and c = s clamped to
[sqrt(pa), sqrt(pb)]:

    x = L (1/c - 1/sqrt(pb))      token0
    y = L (c - sqrt(pa))          token1

Above the range the position holds only token1, below it only token0. A constant-product
(Uniswap v2) pool is the range (0, infinity): x = L / s, y = L s, the value 2 L s.

    V_lp(P)   = x(P) P + y(P)
    V_hold(P) = x(P0) P + y(P0)
    IL(P)     = V_lp / V_hold - 1  (a fraction, <= 0)

The loss V_hold - V_lp is computed as L (c1 - c0)(s1 (s1 - c1) + c1 (s1 - c0)) / (c0 c1):
the factors (c1 - c0) and the sum carry the same sign (prices rise: s1 >= c1 >= c0; prices
fall: s1 <= c1 <= c0), so IL <= 0 holds in the arithmetic as well as in the algebra. Inside
the range it is L (s1 - s0)^2 / s0: the same absolute loss as a v2 position of the same L,
on less capital. For v2 it reduces to the closed form IL(k) = 2 sqrt(k) / (1 + k) - 1 =
-(sqrt(k) - 1)^2 / (1 + k), k = P1 / P0 (`constant_product_il`).

Arithmetic: Decimal at 34 significant digits (IEEE 754 decimal128), round half even.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.numbers import ONE, ZERO

CONTEXT = Context(prec=34, rounding=ROUND_HALF_EVEN, Emin=-999_999, Emax=999_999)
MIN_PRICE = Decimal("1e-30")
MAX_PRICE = Decimal("1e30")


@dataclass(frozen=True, slots=True)
class PriceRange:
    """A concentrated-liquidity range [lower, upper], token1 per token0, lower < upper."""

    lower: Decimal
    upper: Decimal


@dataclass(frozen=True, slots=True)
class LiquidityPosition:
    """A position opened at `entry_price` with `deposit` (token1): its liquidity L, entry
    amounts, and `liquidity_multiple` = L / L of a full-range (v2) position of the same
    deposit (1 for v2; the range's capital efficiency)."""

    entry_price: Decimal
    deposit: Decimal
    price_range: PriceRange | None  # None: the full range (constant product, v2)
    liquidity: Decimal
    amount0: Decimal
    amount1: Decimal
    liquidity_multiple: Decimal


@dataclass(frozen=True, slots=True)
class PositionAtPrice:
    """The position at `price`: its amounts, its value, the entry amounts' value, the loss."""

    price: Decimal
    amount0: Decimal
    amount1: Decimal
    lp_value: Decimal  # token1
    hold_value: Decimal  # token1: the entry amounts at `price`
    impermanent_loss: Decimal  # lp_value / hold_value - 1, <= 0
    loss_value: Decimal  # hold_value - lp_value, token1, >= 0
    in_range: bool  # the price lies within [lower, upper] (always for v2)


@dataclass(frozen=True, slots=True)
class ImpermanentLossReport:
    position: LiquidityPosition
    points: tuple[PositionAtPrice, ...]


def constant_product_il(price_ratio: Decimal) -> Decimal:
    """IL of a constant-product (v2) position when the price moves by `price_ratio` = P1/P0:
    2 sqrt(k) / (1 + k) - 1, computed as -(sqrt(k) - 1)^2 / (1 + k)."""
    k = _price(price_ratio, "price_ratio")
    with localcontext(CONTEXT):
        root = k.sqrt()
        return -((root - ONE) ** 2) / (ONE + k)


def impermanent_loss(
    entry_price: Decimal,
    prices: Sequence[Decimal],
    *,
    deposit: Decimal = ONE,
    price_range: PriceRange | None = None,
) -> ImpermanentLossReport:
    """The position opened at `entry_price` with `deposit` and its state at each of `prices`
    (module doc). InvalidCryptoInput names `entry_price`, `prices[i]`, `deposit`,
    `range.lower` or `range.upper`."""
    position = open_position(entry_price, deposit, price_range)
    points = tuple(position_at(position, _price(p, f"prices[{i}]")) for i, p in enumerate(prices))
    return ImpermanentLossReport(position, points)


def open_position(
    entry_price: Decimal, deposit: Decimal, price_range: PriceRange | None = None
) -> LiquidityPosition:
    """The liquidity L a deposit of `deposit` token1 buys at `entry_price` in the range."""
    p0 = _price(entry_price, "entry_price")
    if not (deposit.is_finite() and deposit > ZERO):
        raise InvalidCryptoInput("deposit must be greater than 0", field="deposit")
    bounds = _bounds(price_range)
    with localcontext(CONTEXT):
        s0 = p0.sqrt()
        x_unit, y_unit = _amounts(ONE, s0, bounds)
        liquidity = deposit / (x_unit * p0 + y_unit)
        x0, y0 = _amounts(liquidity, s0, bounds)
        multiple = liquidity / (deposit / (2 * s0))
    return LiquidityPosition(p0, deposit, price_range, liquidity, x0, y0, multiple)


def position_at(position: LiquidityPosition, price: Decimal) -> PositionAtPrice:
    """The position's amounts, value and loss against holding at `price` (module doc)."""
    p1 = _price(price, "price")
    bounds = _bounds(position.price_range)
    lower, upper = bounds
    with localcontext(CONTEXT):
        liquidity = position.liquidity
        s0, s1 = position.entry_price.sqrt(), p1.sqrt()
        c0, c1 = _clamp(s0, bounds), _clamp(s1, bounds)
        x1, y1 = _amounts(liquidity, s1, bounds)
        hold = position.amount0 * p1 + position.amount1
        loss = liquidity * (c1 - c0) * (s1 * (s1 - c1) + c1 * (s1 - c0)) / (c0 * c1)
        lp_value = hold - loss
        il = -loss / hold
    in_range = (lower is None or s1 >= lower) and (upper is None or s1 <= upper)
    return PositionAtPrice(p1, x1, y1, lp_value, hold, il, loss, in_range)


_Bounds = tuple[Decimal | None, Decimal | None]  # sqrt(lower), sqrt(upper); None: unbounded


def _bounds(price_range: PriceRange | None) -> _Bounds:
    if price_range is None:
        return None, None
    lower = _price(price_range.lower, "range.lower")
    upper = _price(price_range.upper, "range.upper")
    if lower >= upper:
        raise InvalidCryptoInput("range.lower must be below range.upper", field="range.lower")
    with localcontext(CONTEXT):
        return lower.sqrt(), upper.sqrt()


def _clamp(root: Decimal, bounds: _Bounds) -> Decimal:
    lower, upper = bounds
    if lower is not None and root < lower:
        return lower
    if upper is not None and root > upper:
        return upper
    return root


def _amounts(liquidity: Decimal, root: Decimal, bounds: _Bounds) -> tuple[Decimal, Decimal]:
    """(token0, token1) of liquidity L at sqrt price `root` (caller holds CONTEXT)."""
    lower, upper = bounds
    c = _clamp(root, bounds)
    x = liquidity * (ONE / c - (ZERO if upper is None else ONE / upper))
    y = liquidity * (c - (ZERO if lower is None else lower))
    return x, y


def _price(value: Decimal, field: str) -> Decimal:
    if not value.is_finite() or not MIN_PRICE <= value <= MAX_PRICE:
        raise InvalidCryptoInput(
            f"{field} must be a price between {MIN_PRICE} and {MAX_PRICE} (greater than 0)",
            field=field,
        )
    return value
