"""Batch Black-Scholes-Merton Greeks and implied volatilities: validation and the compute budget.

The HTTP adapter decodes a request (JSON or Apache Arrow) into columns: each numeric field a
float64 array (0-d for a JSON scalar, 1-d for an array) and `right` an array of "call" / "put"
strings. This module checks them, broadcasts the scalars to the arrays' common length and runs
the kernel through the `ComputePort` inside the `ComputeBudget` (off the event loop, bounded in
time and concurrency: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After).

Units (as `domain.analytics.options.bsm`): spot, strike and price per unit of the underlying in
one currency; `years` to expiry; `vol` annualised, a fraction (0.2 = 20%); `rate` and
`dividend_yield` continuously compounded per year, fractions (0.05 = 5%).

Accepted values (else 422 INVALID_OPTIONS_INPUT naming the field and its first bad index, e.g.
`strike[3]`): every number finite (no NaN / Infinity); spot, strike > 0; price >= 0;
0 < years <= MAX_YEARS; 0 < vol <= MAX_VOL (Greeks only); rate and dividend_yield within
[-MAX_RATE, MAX_RATE]; right "call" or "put". Arrays of one request have one length (422 naming
the first field that differs); more than MAX_OPTIONS elements in any array is 422
OPTIONS_TOO_MANY naming the longest field. An implied volatility that no value fits is not an
error: that element answers null with its reason (`IVReason`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt

from application.core.compute_budget import ComputeBudget
from domain.errors import DomainError
from ports.core.compute import ComputePort

if TYPE_CHECKING:  # the kernels' modules load numba: the compute backend imports them
    from domain.analytics.options.bsm import Greeks
    from domain.analytics.options.implied_vol import ImpliedVols

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

MAX_OPTIONS = 1_000_000
MAX_YEARS = 100.0
MAX_VOL = 10.0  # 1000% a year
MAX_RATE = 1.0  # +-100% a year, continuously compounded

NUMERIC_FIELDS = ("price", "spot", "strike", "years", "vol", "rate", "dividend_yield")
GREEKS_FIELDS = ("spot", "strike", "years", "vol", "rate", "dividend_yield", "right")
IMPLIED_VOL_FIELDS = ("price", "spot", "strike", "years", "rate", "dividend_yield", "right")
GREEKS_REQUIRED = ("spot", "strike", "years", "vol")
IMPLIED_VOL_REQUIRED = ("price", "spot", "strike", "years")
DEFAULTS: Mapping[str, float | str] = {"rate": 0.0, "dividend_yield": 0.0, "right": "call"}

# field -> (lowest, lowest allowed itself?, highest): the accepted range of each number.
RANGES: Mapping[str, tuple[float, bool, float]] = {
    "price": (0.0, True, np.inf),
    "spot": (0.0, False, np.inf),
    "strike": (0.0, False, np.inf),
    "years": (0.0, False, MAX_YEARS),
    "vol": (0.0, False, MAX_VOL),
    "rate": (-MAX_RATE, True, MAX_RATE),
    "dividend_yield": (-MAX_RATE, True, MAX_RATE),
}


class InvalidOptionsInput(DomainError):
    """A field of an options batch is out of its range, not finite or of the wrong length."""

    code = "INVALID_OPTIONS_INPUT"


class OptionsTooMany(DomainError):
    """More options in one request than MAX_OPTIONS."""

    code = "OPTIONS_TOO_MANY"


Column = npt.NDArray[np.generic]
G = TypeVar("G", bound=np.generic)


@dataclass(frozen=True, slots=True)
class OptionsBatch:
    """Validated inputs, each a contiguous 1-d array of `count` elements."""

    count: int
    spot: FloatArray
    strike: FloatArray
    years: FloatArray
    rate: FloatArray
    dividend_yield: FloatArray
    is_call: BoolArray
    vol: FloatArray | None = None  # Greeks requests
    price: FloatArray | None = None  # implied-volatility requests


def greeks_batch(columns: Mapping[str, Column]) -> OptionsBatch:
    """The inputs of a Greeks request, checked (see the module doc for what is refused)."""
    return _batch(columns, GREEKS_FIELDS)


def implied_vol_batch(columns: Mapping[str, Column]) -> OptionsBatch:
    """The inputs of an implied-volatility request, checked (see the module doc)."""
    return _batch(columns, IMPLIED_VOL_FIELDS)


async def compute_greeks(
    compute: ComputePort, budget: ComputeBudget, batch: OptionsBatch
) -> Greeks:
    """Prices and Greeks of the batch on the compute backend, within the budget."""
    vol = batch.vol
    if vol is None:
        raise InvalidOptionsInput("vol is required", field="vol")
    return await budget.run(
        f"greeks of {batch.count} options",
        lambda: compute.greeks(
            batch.spot,
            batch.strike,
            batch.years,
            vol,
            batch.rate,
            batch.dividend_yield,
            batch.is_call,
        ),
    )


async def compute_implied_vols(
    compute: ComputePort, budget: ComputeBudget, batch: OptionsBatch
) -> ImpliedVols:
    """Implied volatilities (null and a reason where none fits), within the budget."""
    price = batch.price
    if price is None:
        raise InvalidOptionsInput("price is required", field="price")
    return await budget.run(
        f"implied volatility of {batch.count} options",
        lambda: compute.implied_vol(
            price,
            batch.spot,
            batch.strike,
            batch.years,
            batch.rate,
            batch.dividend_yield,
            batch.is_call,
        ),
    )


def _batch(columns: Mapping[str, Column], fields: tuple[str, ...]) -> OptionsBatch:
    given = {name: columns[name] for name in fields if name in columns}
    for name in fields:
        if name not in given:
            if name not in DEFAULTS:
                raise InvalidOptionsInput(f"{name} is required", field=name)
            given[name] = np.asarray(DEFAULTS[name])
    count = _count(given, fields)
    numbers = {
        name: _numbers(name, given[name], count) for name in fields if name in NUMERIC_FIELDS
    }
    return OptionsBatch(
        count=count,
        spot=numbers["spot"],
        strike=numbers["strike"],
        years=numbers["years"],
        rate=numbers["rate"],
        dividend_yield=numbers["dividend_yield"],
        is_call=_rights(given["right"], count),
        vol=numbers.get("vol"),
        price=numbers.get("price"),
    )


def _count(given: Mapping[str, Column], fields: tuple[str, ...]) -> int:
    """The arrays' common length (1 when every field is a scalar)."""
    arrays = [(name, given[name]) for name in fields if given[name].ndim > 0]
    for name, value in arrays:
        if value.ndim != 1:
            raise InvalidOptionsInput(f"{name} must be a number or a flat array", field=name)
    if not arrays:
        return 1
    longest_name, longest = max(arrays, key=lambda item: item[1].shape[0])
    if longest.shape[0] > MAX_OPTIONS:
        raise OptionsTooMany(
            f"{longest_name} has {longest.shape[0]:,} elements; at most {MAX_OPTIONS:,} options "
            "per request",
            field=longest_name,
        )
    first_name, first = arrays[0]
    for name, value in arrays[1:]:
        if value.shape[0] != first.shape[0]:
            raise InvalidOptionsInput(
                f"{name} has {value.shape[0]} elements, {first_name} has {first.shape[0]}; "
                "arrays must have one length (scalars apply to every option)",
                field=name,
            )
    return int(first.shape[0])


def _numbers(name: str, value: Column, count: int) -> FloatArray:
    values = np.asarray(value, dtype=np.float64)
    lowest, inclusive, highest = RANGES[name]
    flat = values.reshape(-1)
    finite = np.isfinite(flat)
    with np.errstate(invalid="ignore"):  # NaN compares False: counted by `finite` already
        low = flat < lowest if inclusive else flat <= lowest
        bad = ~finite | low | (flat > highest)
    if bad.any():
        index = int(np.flatnonzero(bad)[0])  # the first bad element, whatever is wrong with it
        why = "finite" if not finite[index] else _range_text(lowest, inclusive, highest)
        raise InvalidOptionsInput(
            f"{name} must be {why}, got {float(flat[index])!r}", field=_at(name, values, index)
        )
    return _column(values, count, np.float64)


def _column(values: Column, count: int, dtype: type[G]) -> npt.NDArray[G]:
    """`values` (one per option, or one for all) as a writeable contiguous column of `count`.

    Always writeable: numba compiles a kernel once per argument type, and a read-only view (what
    broadcasting a list gives) is another type than a fresh array (what broadcasting a scalar
    gives), so each mix of lists and scalars in a request compiled the kernels again (~20 s
    each, in the request that first sent it). A list is not copied; a scalar is repeated."""
    if values.shape == (count,) and values.flags.writeable:
        return np.ascontiguousarray(values, dtype=dtype)
    return np.array(np.broadcast_to(values, (count,)), dtype=dtype)


def _rights(value: Column, count: int) -> BoolArray:
    rights = np.asarray(value)
    flat = rights.reshape(-1)
    if flat.dtype.kind not in "UO":
        raise InvalidOptionsInput('right must be "call" or "put"', field="right")
    is_call = flat == "call"
    bad = ~(is_call | (flat == "put"))
    if bad.any():
        index = int(np.flatnonzero(bad)[0])
        shown = str(flat[index])[:16]
        raise InvalidOptionsInput(
            f'right must be "call" or "put", got {shown!r}', field=_at("right", rights, index)
        )
    calls = np.asarray(is_call, dtype=np.bool_).reshape(rights.shape)
    return _column(calls, count, np.bool_)


def _at(name: str, values: Column, index: int) -> str:
    return name if values.ndim == 0 else f"{name}[{index}]"


def _range_text(lowest: float, inclusive: bool, highest: float) -> str:
    low = f"{'>=' if inclusive else '>'} {lowest:g}"
    return low if highest == np.inf else f"{low} and <= {highest:g}"
