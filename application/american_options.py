"""American option prices (CRR tree or Barone-Adesi-Whaley) beside the European BSM price.

The HTTP adapter hands in columns: each numeric field a float, or a list of floats, and `right`
"call" / "put" (or a list of them). This module checks them (422 naming the field and its first
bad index), broadcasts the scalars to the lists' common length, and runs
`domain.analytics.options.american` inside the `ComputeBudget` (off the event loop, bounded in
time and concurrency: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After). The CPU kernels
are called directly (the compute port has no American method: the numba kernels are the
backend on every machine, a CUDA one included).

Units (as `domain.analytics.options.bsm`): spot, strike and prices per unit of the underlying in
one currency; `years` to expiry; `vol` annualised (0.2 = 20%); `rate` and `dividend_yield`
continuously compounded per year (0.05 = 5%). CRR Greeks: delta dV/dS, gamma d2V/dS2, theta
dV/dt per YEAR of calendar time passing (theta_per_day = theta / 365).

Accepted (else 422 INVALID_OPTIONS_INPUT naming e.g. `strike[3]`): every number finite; spot,
strike > 0; 0 < years <= MAX_YEARS; 0 < vol <= MAX_VOL; rate and dividend_yield within
[-MAX_RATE, MAX_RATE]; lists of one request of one length (422 naming the first that differs);
CRR `steps` 1..MAX_STEPS and enough of them that the tree's up-probability stays in [0, 1]
(422 naming `steps` and the first option). Caps: at most MAX_OPTIONS options (422
OPTIONS_TOO_MANY naming the longest list); CRR work options x steps^2 / 2 <= MAX_TREE_NODES
node updates (422 TREE_TOO_LARGE naming the longest list, or `steps` for a single option).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from application.compute_budget import ComputeBudget
from domain.analytics.options.american import DAYS_PER_YEAR, baw_american, crr_american
from domain.analytics.options.bsm import bsm_greeks
from domain.errors import DomainError

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Method = Literal["crr", "baw"]
Number = float | Sequence[float]
Right = str | Sequence[str]

MAX_OPTIONS = 1_000_000
MAX_STEPS = 10_000
DEFAULT_STEPS = 500
MAX_TREE_NODES = 2.5e9  # options x steps^2 / 2 node updates per CRR request
MAX_YEARS = 100.0
MAX_VOL = 10.0  # 1000% a year
MAX_RATE = 1.0  # +-100% a year, continuously compounded

NUMERIC_FIELDS = ("spot", "strike", "years", "vol", "rate", "dividend_yield")
# field -> (lowest, lowest allowed itself?, highest)
RANGES: Mapping[str, tuple[float, bool, float]] = {
    "spot": (0.0, False, np.inf),
    "strike": (0.0, False, np.inf),
    "years": (0.0, False, MAX_YEARS),
    "vol": (0.0, False, MAX_VOL),
    "rate": (-MAX_RATE, True, MAX_RATE),
    "dividend_yield": (-MAX_RATE, True, MAX_RATE),
}
RIGHTS = {"call": True, "put": False}


class InvalidOptionsInput(DomainError):
    """A field of an options batch is out of its range, not finite or of the wrong length."""

    code = "INVALID_OPTIONS_INPUT"


class OptionsTooMany(DomainError):
    """More options in one request than MAX_OPTIONS."""

    code = "OPTIONS_TOO_MANY"


class TreeTooLarge(DomainError):
    """A CRR request's options x steps^2 / 2 exceeds MAX_TREE_NODES."""

    code = "TREE_TOO_LARGE"


@dataclass(frozen=True, slots=True)
class AmericanRequest:
    """One request's columns: a number or a list per numeric field, a right or a list."""

    spot: Number
    strike: Number
    years: Number
    vol: Number
    rate: Number = 0.0
    dividend_yield: Number = 0.0
    right: Right = "call"
    method: Method = "crr"
    steps: int = DEFAULT_STEPS


@dataclass(frozen=True, slots=True)
class AmericanBatch:
    """Validated inputs, each a contiguous 1-d array of `count` elements."""

    count: int
    spot: FloatArray
    strike: FloatArray
    years: FloatArray
    vol: FloatArray
    rate: FloatArray
    dividend_yield: FloatArray
    is_call: BoolArray


@dataclass(frozen=True, slots=True)
class AmericanResult:
    """Per option: the American price, the European BSM price, their difference; CRR Greeks.

    `early_exercise_premium` = price - european_price; with CRR it carries the tree's own
    discretisation error (O(1/steps)), so it can be slightly negative where early exercise is
    worth nothing. `delta`, `gamma`, `theta` are None for BAW; gamma and theta are NaN at
    steps == 1 (the tree has no second step).
    """

    method: Method
    steps: int | None
    price: FloatArray
    european_price: FloatArray
    early_exercise_premium: FloatArray
    delta: FloatArray | None = None
    gamma: FloatArray | None = None
    theta: FloatArray | None = None

    @property
    def theta_per_day(self) -> FloatArray | None:
        return None if self.theta is None else self.theta / DAYS_PER_YEAR


def _column(name: str, value: Number) -> FloatArray:
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidOptionsInput(f"{name} must be numbers", field=name) from None
    if array.ndim > 1:
        raise InvalidOptionsInput(f"{name} must be a number or a list of numbers", field=name)
    return array


def _count(columns: Mapping[str, npt.NDArray[np.generic]]) -> tuple[int, str | None]:
    """The lists' common length (1 when all are scalars) and the longest list's field."""
    lists = {name: array.shape[0] for name, array in columns.items() if array.ndim == 1}
    if not lists:
        return 1, None
    longest = max(lists, key=lambda name: lists[name])
    if lists[longest] > MAX_OPTIONS:
        raise OptionsTooMany(
            f"at most {MAX_OPTIONS:,} options per request, got {lists[longest]:,}",
            field=longest,
        )
    for name, length in lists.items():
        if length != lists[longest]:
            raise InvalidOptionsInput(
                f"every list must have one length: {name} has {length}, "
                f"{longest} has {lists[longest]} (give a number to broadcast it)",
                field=name,
            )
    if lists[longest] == 0:
        raise InvalidOptionsInput("give at least one option", field=longest)
    return lists[longest], longest


def _check_range(name: str, array: FloatArray) -> None:
    low, low_ok, high = RANGES[name]
    flat = np.atleast_1d(array)
    bad = ~np.isfinite(flat) | (flat > high) | ((flat < low) if low_ok else (flat <= low))
    if np.any(bad):
        index = int(np.flatnonzero(bad)[0])
        where = f"{name}[{index}]" if array.ndim == 1 else name
        lowest = f">= {low:g}" if low_ok else f"> {low:g}"
        raise InvalidOptionsInput(
            f"must be finite, {lowest} and <= {high:g}; got {flat[index]!r}", field=where
        )


def _rights(value: Right) -> npt.NDArray[np.bool_]:
    if isinstance(value, str):
        if value not in RIGHTS:
            raise InvalidOptionsInput('right must be "call" or "put"', field="right")
        return np.asarray(RIGHTS[value])
    out = np.empty(len(value), dtype=np.bool_)
    for index, right in enumerate(value):
        if right not in RIGHTS:
            raise InvalidOptionsInput('right must be "call" or "put"', field=f"right[{index}]")
        out[index] = RIGHTS[right]
    return out


def american_batch(request: AmericanRequest) -> AmericanBatch:
    """The checked, broadcast inputs of a request (see the module doc for what is refused)."""
    columns: dict[str, npt.NDArray[np.generic]] = {
        name: _column(name, getattr(request, name)) for name in NUMERIC_FIELDS
    }
    columns["right"] = _rights(request.right)
    count, longest = _count(columns)
    for name in NUMERIC_FIELDS:
        _check_range(name, columns[name])  # type: ignore[arg-type]  # float columns
    _check_work(request, count, longest)
    flat = {
        name: np.ascontiguousarray(np.broadcast_to(array, (count,)))
        for name, array in columns.items()
    }
    batch = AmericanBatch(
        count=count,
        spot=flat["spot"].astype(np.float64),
        strike=flat["strike"].astype(np.float64),
        years=flat["years"].astype(np.float64),
        vol=flat["vol"].astype(np.float64),
        rate=flat["rate"].astype(np.float64),
        dividend_yield=flat["dividend_yield"].astype(np.float64),
        is_call=flat["right"].astype(np.bool_),
    )
    if request.method == "crr":
        _check_probability(batch, request.steps)
    return batch


def _check_work(request: AmericanRequest, count: int, longest: str | None) -> None:
    if request.method == "baw":
        return
    steps = request.steps
    if isinstance(steps, bool) or not 1 <= steps <= MAX_STEPS:
        raise InvalidOptionsInput(f"steps must be 1 to {MAX_STEPS:,}", field="steps")
    work = count * steps * steps / 2
    if work > MAX_TREE_NODES:
        most = max(1, int(MAX_TREE_NODES // (steps * steps / 2)))
        raise TreeTooLarge(
            f"CRR work options x steps^2 / 2 = {count:,} x {steps:,}^2 / 2 = {work:.3g} node "
            f"updates is above {MAX_TREE_NODES:.3g}: at {steps:,} steps at most {most:,} "
            "options per request; send fewer options or fewer steps",
            field=longest or "steps",
        )


def _check_probability(batch: AmericanBatch, steps: int) -> None:
    """The tree's up-probability within [0, 1]: |r - q - vol^2/2| sqrt(years/steps) <= vol."""
    drift = np.abs(batch.rate - batch.dividend_yield - 0.5 * batch.vol**2)
    bad = drift * np.sqrt(batch.years / steps) > batch.vol
    if np.any(bad):
        index = int(np.flatnonzero(bad)[0])
        raise InvalidOptionsInput(
            f"too few steps for option {index}: the CRR up-probability leaves [0, 1] "
            "(needs |rate - dividend_yield - vol^2/2| sqrt(years / steps) <= vol)",
            field="steps",
        )


def price_american(batch: AmericanBatch, method: Method, steps: int) -> AmericanResult:
    """The American and European prices of a checked batch (runs the kernels; blocking)."""
    args = (
        batch.spot,
        batch.strike,
        batch.years,
        batch.vol,
        batch.rate,
        batch.dividend_yield,
        batch.is_call,
    )
    european = np.asarray(bsm_greeks(*args).price, dtype=np.float64)
    if method == "baw":
        price = baw_american(*args)
        return AmericanResult(
            method="baw",
            steps=None,
            price=price,
            european_price=european,
            early_exercise_premium=price - european,
        )
    values = crr_american(*args, steps=steps)
    return AmericanResult(
        method="crr",
        steps=steps,
        price=values.price,
        european_price=european,
        early_exercise_premium=values.price - european,
        delta=values.delta,
        gamma=values.gamma,
        theta=values.theta,
    )


class AmericanOptionsService:
    """POST /analytics/options/american: checks a request, prices it within the budget."""

    def __init__(self, budget: ComputeBudget) -> None:
        self._budget = budget

    async def price(self, request: AmericanRequest) -> AmericanResult:
        batch = american_batch(request)
        label = f"american {request.method} prices of {batch.count} options"
        return await self._budget.run(
            label, lambda: price_american(batch, request.method, request.steps)
        )
