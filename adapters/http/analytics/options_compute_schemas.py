"""Options compute DTOs: JSON bodies in, column arrays out; units named.

Requests: every numeric field is a number or an array of numbers (strings holding a number are
read too, so "NaN" / "Infinity" reach validation and answer 422 naming the element); `right`
is "call" / "put" or an array of them. Scalars apply to every option. Responses carry one array
per output, in request order, plus `units`. A non-finite output (only at extreme inputs, e.g.
the gamma of a spot near 0) is written as null in JSON (NaN / Infinity in Arrow).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import msgspec
import numpy as np
from litestar.openapi.spec import OpenAPIType, Schema

from adapters.http.wire_format import ANALYTIC, PLAIN_FLOATS, json_number
from application.analytics.options_compute import (
    DEFAULTS,
    GREEKS_FIELDS,
    GREEKS_REQUIRED,
    IMPLIED_VOL_FIELDS,
    IMPLIED_VOL_REQUIRED,
    MAX_OPTIONS,
    MAX_RATE,
    MAX_VOL,
    MAX_YEARS,
    Column,
    InvalidOptionsInput,
    OptionsTooMany,
)
from domain.analytics.options.bsm import Greeks
from domain.analytics.options.implied_vol import ImpliedVols, IVReason

NumberOrArray = float | str | list[float | str]
Rights = str | list[str]

# Output columns of the Greeks endpoint and their units (the same names in JSON and Arrow).
GREEKS_UNITS: Mapping[str, str] = {
    "price": "premium per unit of the underlying, in the price currency",
    "delta": "dV/dS, per unit of spot",
    "gamma": "d2V/dS2, per unit of spot squared",
    "theta": "dV/dt per year of calendar time passing (= -dV/dT)",
    "theta_per_day": "theta per calendar day (theta / 365)",
    "vega": "dV/dvol per 1.0 of volatility (100 vol points)",
    "vega_per_point": "dV/dvol per volatility point (vega / 100)",
    "rho": "dV/drate per 1.0 of rate (dividend yield held)",
    "rho_per_percent": "dV/drate per 1% of rate (rho / 100)",
    "vanna": "d2V/dS dvol, per unit of spot per 1.0 of volatility",
    "volga": "d2V/dvol2, per 1.0 of volatility squared",
    "charm": "dDelta/dt per year of calendar time passing (= -dDelta/dT)",
    "charm_per_day": "charm per calendar day (charm / 365)",
}
GREEKS_OUTPUTS = tuple(GREEKS_UNITS)
IMPLIED_VOL_UNITS: Mapping[str, str] = {
    "volatility": "annualised volatility as a fraction (0.2 = 20%); null where none fits",
    "reason": "why a volatility is or is not there: " + ", ".join(r.name for r in IVReason),
}
REASONS: Mapping[str, str] = {
    "OK": "solved",
    "EXPIRED": "years <= 0 (refused 422 before solving; listed for completeness)",
    "BELOW_INTRINSIC": "price below the discounted intrinsic value max(theta (S Dq - K Dr), 0)",
    "ABOVE_UPPER_BOUND": "a call at or above S e^-qT, a put at or above K e^-rT",
    "VEGA_TOO_SMALL": "the price does not pin the volatility down (no time value left, or one "
    "ulp of price moves the volatility by more than 1e-6 relative)",
    "NO_CONVERGENCE": "the iterations ran out (not seen with the defaults)",
    "INVALID_INPUT": "non-finite or non-positive inputs (refused 422 before solving)",
}
INPUT_DOC: Mapping[str, str] = {
    "price": "option premium per unit of the underlying, >= 0",
    "spot": "underlying price, > 0",
    "strike": "strike price, > 0",
    "years": f"time to expiry in years (calendar days / 365), > 0 and <= {MAX_YEARS:g}",
    "vol": f"annualised volatility as a fraction (0.2 = 20%), > 0 and <= {MAX_VOL:g}",
    "rate": f"risk-free rate, continuously compounded per year, fraction, within +-{MAX_RATE:g}",
    "dividend_yield": "continuous dividend (or carry) yield per year, fraction, within "
    f"+-{MAX_RATE:g}",
    "right": '"call" or "put"',
}


class GreeksIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Each numeric field a number or an array; scalars apply to every option."""

    spot: NumberOrArray
    strike: NumberOrArray
    years: NumberOrArray
    vol: NumberOrArray
    rate: NumberOrArray = 0.0
    dividend_yield: NumberOrArray = 0.0
    right: Rights = "call"


class ImpliedVolIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Prices to invert, with the Greeks inputs but `vol`."""

    price: NumberOrArray
    spot: NumberOrArray
    strike: NumberOrArray
    years: NumberOrArray
    rate: NumberOrArray = 0.0
    dividend_yield: NumberOrArray = 0.0
    right: Rights = "call"


Values = Annotated[
    list[float | None],
    msgspec.Meta(description="One per option, rounded to 10 decimal places; null: not finite"),
]


class GreeksOut(msgspec.Struct, kw_only=True):
    """Prices and Greeks, one array per output in request order; `units` names each unit."""

    count: int
    backend: str
    units: dict[str, str]
    price: Values
    delta: Values
    gamma: Values
    theta: Values
    theta_per_day: Values
    vega: Values
    vega_per_point: Values
    rho: Values
    rho_per_percent: Values
    vanna: Values
    volga: Values
    charm: Values
    charm_per_day: Values


class ImpliedVolOut(msgspec.Struct, kw_only=True):
    """Implied volatilities (null where none fits) and a reason per option; `solved` counts OK."""

    count: int
    solved: int
    backend: str
    units: dict[str, str]
    reasons: dict[str, str]
    volatility: Annotated[
        list[float | None],
        msgspec.Meta(description="One per option, rounded to 10 decimal places; null: none fits"),
    ]
    reason: list[str]


def refuse_oversized(raw: bytes, fields: tuple[str, ...]) -> None:
    """OPTIONS_TOO_MANY before decoding a body that must hold an array past MAX_OPTIONS.

    Decoded, each JSON number is a Python object of ~32 bytes: a 64 MiB body of `1,1,1,...`
    would take a gigabyte before the per-field check could refuse it. With more commas than
    len(fields) x MAX_OPTIONS some array is past the cap; the field with the most commas
    between its key and the next key is named (C-speed counts, no parsing).
    """
    commas = raw.count(b",")
    if commas <= len(fields) * MAX_OPTIONS + 64:
        return
    keys = sorted((raw.find(b'"' + name.encode() + b'"'), name) for name in fields)
    found = [(at, name) for at, name in keys if at >= 0] or [(0, fields[0])]
    ends = [at for at, _ in found[1:]] + [len(raw)]
    longest = max(zip(found, ends, strict=True), key=lambda e: raw.count(b",", e[0][0], e[1]))
    name = longest[0][1]
    raise OptionsTooMany(
        f"{name} holds more than {MAX_OPTIONS:,} elements; at most {MAX_OPTIONS:,} options "
        "per request",
        field=name,
    )


def greeks_columns(body: GreeksIn) -> dict[str, Column]:
    """The decoded JSON as columns for `application.analytics.options_compute.greeks_batch`."""
    return {name: _column(name, getattr(body, name)) for name in GREEKS_FIELDS}


def implied_vol_columns(body: ImpliedVolIn) -> dict[str, Column]:
    """The decoded JSON as columns for `application.analytics.options_compute.implied_vol_batch`."""
    return {name: _column(name, getattr(body, name)) for name in IMPLIED_VOL_FIELDS}


def greeks_arrays(greeks: Greeks) -> dict[str, np.ndarray]:
    """Every output column of the Greeks endpoint, by name (GREEKS_OUTPUTS order)."""
    return {name: np.asarray(getattr(greeks, name), dtype=np.float64) for name in GREEKS_OUTPUTS}


def greeks_json(greeks: Greeks, backend: str) -> bytes:
    arrays = greeks_arrays(greeks)
    out = GreeksOut(
        count=int(arrays["price"].shape[0]),
        backend=backend,
        units=dict(GREEKS_UNITS),
        **{name: _floats(values) for name, values in arrays.items()},
    )
    return msgspec.json.encode(out)


def implied_vol_json(result: ImpliedVols, backend: str) -> bytes:
    reasons = result.reason.reshape(-1)
    out = ImpliedVolOut(
        count=int(reasons.shape[0]),
        solved=int(np.count_nonzero(reasons == IVReason.OK)),
        backend=backend,
        units=dict(IMPLIED_VOL_UNITS),
        reasons=dict(REASONS),
        volatility=_floats(result.volatility),  # NaN -> null
        reason=result.reason_names(),
    )
    return msgspec.json.encode(out)


def _floats(values: np.ndarray) -> list[Any]:
    """The values as a JSON list at the answers' float precision, in plain digits (-0.0 as 0.0);
    msgspec writes NaN and Infinity as null."""
    wire = np.round(values.reshape(-1), ANALYTIC.decimals) + 0.0
    listed: list[Any] = wire.tolist()
    low, high = PLAIN_FLOATS
    magnitude = np.abs(wire)
    exponent_form = np.isfinite(wire) & (wire != 0) & ((magnitude < low) | (magnitude >= high))
    for index in np.flatnonzero(exponent_form).tolist():  # few: only the tiny and the huge
        listed[index] = json_number(listed[index], ANALYTIC.decimals)
    return listed


def _column(name: str, value: Any) -> Column:
    if name == "right":
        return np.asarray(value)
    if isinstance(value, list):
        try:
            return np.array(value, dtype=np.float64)
        except (ValueError, TypeError):
            index = next(i for i, v in enumerate(value) if not _is_number(v))
            raise _not_a_number(f"{name}[{index}]", value[index]) from None
    if not _is_number(value):
        raise _not_a_number(name, value)
    return np.asarray(float(value), dtype=np.float64)


def _is_number(value: object) -> bool:
    try:
        float(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


def _not_a_number(field: str, value: object) -> InvalidOptionsInput:
    return InvalidOptionsInput(f"not a number: {str(value)[:32]!r}", field=field)


# ---------------------------------------------------------------- OpenAPI (hand-built bodies)


def request_schema(fields: tuple[str, ...], required: tuple[str, ...]) -> Schema:
    """The JSON request body of one endpoint (read by the handler itself, so built here)."""
    number = Schema(one_of=[Schema(type=OpenAPIType.NUMBER), Schema(type=OpenAPIType.STRING)])
    properties: dict[str, Schema] = {}
    for name in fields:
        item = number
        scalars = [Schema(type=OpenAPIType.NUMBER), Schema(type=OpenAPIType.STRING)]
        if name == "right":
            item = Schema(type=OpenAPIType.STRING, enum=["call", "put"])
            scalars = [item]
        default = "" if name not in DEFAULTS else f" (default {DEFAULTS[name]!r})"
        properties[name] = Schema(
            one_of=[*scalars, Schema(type=OpenAPIType.ARRAY, items=item, max_items=MAX_OPTIONS)],
            description=INPUT_DOC[name] + default,
        )
    return Schema(
        type=OpenAPIType.OBJECT,
        properties=properties,  # type: ignore[arg-type]  # dict[str, Schema] is what it takes
        required=list(required),
        additional_properties=False,
        description=(
            "Each field a number or an array; arrays of one length (at most "
            f"{MAX_OPTIONS:,}), scalars apply to every option"
        ),
    )


GREEKS_REQUEST = request_schema(GREEKS_FIELDS, GREEKS_REQUIRED)
IMPLIED_VOL_REQUEST = request_schema(IMPLIED_VOL_FIELDS, IMPLIED_VOL_REQUIRED)
