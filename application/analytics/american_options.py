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

Accepted: what the Greeks endpoint accepts, checked by the same code
(application.analytics.options_compute: 422 INVALID_OPTIONS_INPUT naming e.g. `strike[3]`,
OPTIONS_TOO_MANY past its MAX_OPTIONS), and at least one option;
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

from application.analytics.options_compute import InvalidOptionsInput, greeks_batch
from application.core.compute_budget import ComputeBudget
from domain.errors import DomainError

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Method = Literal["crr", "baw"]
Number = float | Sequence[float]
Right = str | Sequence[str]

MAX_STEPS = 10_000
DEFAULT_STEPS = 500
MAX_TREE_NODES = 2.5e9  # options x steps^2 / 2 node updates per CRR request
NUMERIC_FIELDS = ("spot", "strike", "years", "vol", "rate", "dividend_yield")


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
        from domain.analytics.options.american import DAYS_PER_YEAR

        return None if self.theta is None else self.theta / DAYS_PER_YEAR


def american_batch(request: AmericanRequest) -> AmericanBatch:
    """The checked, broadcast inputs of a request (see the module doc for what is refused).

    The columns are checked exactly as the Greeks endpoint checks its own (one validation,
    application.analytics.options_compute), then the tree's own limits.
    """
    columns: dict[str, npt.NDArray[np.generic]] = {
        name: _column(name, getattr(request, name)) for name in NUMERIC_FIELDS
    }
    columns["right"] = np.asarray(request.right)
    checked = greeks_batch(columns)
    if checked.count == 0:
        raise InvalidOptionsInput("give at least one option", field=_longest(columns) or "spot")
    _check_work(request, checked.count, _longest(columns))
    assert checked.vol is not None  # greeks_batch requires vol
    batch = AmericanBatch(
        count=checked.count,
        spot=checked.spot,
        strike=checked.strike,
        years=checked.years,
        vol=checked.vol,
        rate=checked.rate,
        dividend_yield=checked.dividend_yield,
        is_call=checked.is_call,
    )
    if request.method == "crr":
        _check_probability(batch, request.steps)
    return batch


def _column(name: str, value: Number) -> npt.NDArray[np.generic]:
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidOptionsInput(f"{name} must be numbers", field=name) from None


def _longest(columns: Mapping[str, npt.NDArray[np.generic]]) -> str | None:
    """The field of the longest list (None when every field is a scalar)."""
    lists = {name: array.shape[0] for name, array in columns.items() if array.ndim == 1}
    return max(lists, key=lambda name: lists[name]) if lists else None


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
    # The kernels' modules load numba: imported by the first request that prices.
    from domain.analytics.options.american import baw_american, crr_american
    from domain.analytics.options.bsm import bsm_greeks

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


@dataclass(eq=False)
class AmericanOptionsService:
    """POST /analytics/options/american: checks a request, prices it within the budget."""

    budget: ComputeBudget

    async def price(self, request: AmericanRequest) -> AmericanResult:
        batch = american_batch(request)
        label = f"american {request.method} prices of {batch.count} options"
        return await self.budget.run(
            label, lambda: price_american(batch, request.method, request.steps)
        )
