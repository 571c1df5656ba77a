"""POST /api/v1/analytics/options/american DTOs: option columns in, price columns out."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
import numpy as np
import numpy.typing as npt

from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import AnalyticOut
from application.analytics.american_options import (
    DEFAULT_STEPS,
    MAX_STEPS,
    MAX_TREE_NODES,
    AmericanRequest,
    AmericanResult,
)

Right = Literal["call", "put"]


def _column(text: str) -> object:
    return msgspec.Meta(
        description=f"{text}; a number (broadcast to every option) or a list, one per option"
    )


Column = float | list[float]


class AmericanIn(Input):
    """Options as columns: each field a number or a list (lists of one request share one
    length, at most 1,000,000; numbers broadcast). Units as the Black-Scholes-Merton model:
    prices per unit of the underlying, `years` to expiry, annualised fractions."""

    spot: Annotated[Column, _column("Spot price, > 0")]
    strike: Annotated[Column, _column("Strike price, > 0")]
    years: Annotated[Column, _column("Years to expiry, in (0, 100]")]
    vol: Annotated[Column, _column("Annualised volatility, a fraction (0.2 = 20%), in (0, 10]")]
    rate: Annotated[
        Column, _column("Risk-free rate, continuously compounded per year, in [-1, 1]")
    ] = 0.0
    dividend_yield: Annotated[
        Column, _column("Dividend yield, continuously compounded per year, in [-1, 1]")
    ] = 0.0
    right: Annotated[
        Right | list[Right], msgspec.Meta(description='"call" or "put", or a list of them')
    ] = "call"
    method: Annotated[
        Literal["crr", "baw"],
        msgspec.Meta(
            description="crr: Cox-Ross-Rubinstein binomial tree (price, delta, gamma, theta); "
            "baw: Barone-Adesi-Whaley approximation (price)"
        ),
    ] = "crr"
    steps: Annotated[
        int,
        msgspec.Meta(
            description=f"CRR tree steps, 1 to {MAX_STEPS:,}; options x steps^2 / 2 at most "
            f"{MAX_TREE_NODES:.2g} node updates per request (ignored by baw)"
        ),
    ] = DEFAULT_STEPS

    def to_request(self) -> AmericanRequest:
        return self.into(AmericanRequest)


UNITS = {
    "price": "American price per unit of the underlying, in the spot's currency",
    "european_price": "Black-Scholes-Merton European price, same units",
    "early_exercise_premium": "price - european_price (with crr it includes the tree's "
    "discretisation error, O(1/steps), so it can be slightly negative)",
    "delta": "dV/dS from the tree's first step (crr only)",
    "gamma": "d2V/dS2 from the tree's second step, per unit of spot (crr only; null at steps 1)",
    "theta": "dV/dt per YEAR of calendar time passing, from nodes (2,1) and (0,0) (crr only)",
    "theta_per_day": "theta / 365, per calendar day (crr only)",
}


def numbers(array: npt.NDArray[np.float64] | None) -> list[float | None] | None:
    """A column as JSON numbers; NaN (gamma / theta at one step) as null."""
    if array is None:
        return None
    values: list[float | None] = array.tolist()
    nan = np.flatnonzero(np.isnan(array))
    for index in nan.tolist():
        values[index] = None
    return values


class AmericanOut(Output):
    """One entry per option in every list, in the request's order; `units` names each."""

    method: Literal["crr", "baw"]
    steps: int | None
    count: int
    price: list[AnalyticOut | None]
    european_price: list[AnalyticOut | None]
    early_exercise_premium: list[AnalyticOut | None]
    delta: list[AnalyticOut | None] | None
    gamma: list[AnalyticOut | None] | None
    theta: list[AnalyticOut | None] | None
    theta_per_day: list[AnalyticOut | None] | None
    units: dict[str, str]

    @classmethod
    def from_domain(cls, result: AmericanResult) -> AmericanOut:
        price = numbers(result.price)
        european = numbers(result.european_price)
        premium = numbers(result.early_exercise_premium)
        assert price is not None and european is not None and premium is not None
        return cls(
            method=result.method,
            steps=result.steps,
            count=len(price),
            price=price,
            european_price=european,
            early_exercise_premium=premium,
            delta=numbers(result.delta),
            gamma=numbers(result.gamma),
            theta=numbers(result.theta),
            theta_per_day=numbers(result.theta_per_day),
            units=UNITS,
        )
