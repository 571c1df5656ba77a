"""Options compute: batch Greeks and implied volatilities, JSON or Apache Arrow.

`POST /api/v1/analytics/options/greeks` and `.../implied-vol` take up to 1,000,000 options per
request. So large a batch is ~100 MB of JSON: these routes have their own body limit
(BULWARK_ANALYTICS_MAX_BODY_BYTES, 64 MiB by default; `controllers(max_bytes)` sets it, as the
KYC upload does) and also speak Arrow IPC streams (`application/vnd.apache.arrow.stream` as the
Content-Type and / or Accept), which skip text entirely.

The handlers read the body themselves (a `data` parameter would be decoded on the event loop
under the API's 1 MiB JSON cap): bodies above OFF_LOOP_BYTES are decoded, and answers above
OFF_LOOP_OPTIONS options encoded, on a worker thread; the kernel runs through the compute
budget (503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After). The OpenAPI document names
both media types for the request and the 200 (the JSON request schema is built by hand in
schemas/options_compute.py, since no `data` parameter declares it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import msgspec
from litestar import Controller, Request, Response
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import (
    OpenAPIFormat,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    RequestBody,
    Schema,
)

from adapters.http.analytics import AnalyticsController, AnalyticsDep
from adapters.http.analytics.large_bodies import (
    OFF_LOOP_BYTES,
    decode_json,
    off_loop,
    read_body,
    with_body_limit,
)
from adapters.http.analytics.options_compute_schemas import (
    GREEKS_REQUEST,
    IMPLIED_VOL_REQUEST,
    REASONS,
    GreeksIn,
    GreeksOut,
    ImpliedVolIn,
    ImpliedVolOut,
    greeks_columns,
    greeks_json,
    implied_vol_columns,
    implied_vol_json,
    refuse_oversized,
)
from adapters.http.arrow_options import (
    ARROW_STREAM,
    MalformedArrow,
    greeks_stream,
    implied_vol_stream,
    read_columns,
)
from adapters.http.problems import Problem, problem_response, problem_responses
from adapters.http.shared_calculations import calculation
from application.analytics.options_compute import (
    GREEKS_FIELDS,
    GREEKS_REQUIRED,
    IMPLIED_VOL_FIELDS,
    IMPLIED_VOL_REQUIRED,
    MAX_OPTIONS,
    MAX_RATE,
    MAX_VOL,
    MAX_YEARS,
    Column,
    OptionsBatch,
    compute_greeks,
    compute_implied_vols,
    greeks_batch,
    implied_vol_batch,
)
from ports.core.compute import ComputePort

R = TypeVar("R")
JSON = "application/json"
# Bodies above OFF_LOOP_BYTES are decoded on a worker thread (a MiB of JSON decodes in ~10 ms).
# Answers above this many options are encoded on a worker thread.
OFF_LOOP_OPTIONS = 4_096
_BINARY = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
_RANGES = (
    "422 INVALID_OPTIONS_INPUT naming the field and its first bad index (`strike[3]`): NaN or "
    "Infinity, spot or strike <= 0, price < 0, years <= 0 or > "
    f"{MAX_YEARS:g}, vol <= 0 or > {MAX_VOL:g}, rate or dividend_yield outside "
    f"+-{MAX_RATE:g}, right not call/put, arrays of different lengths; 422 OPTIONS_TOO_MANY "
    f"naming the longest field past {MAX_OPTIONS:,} options."
)
_MEDIA = (
    "JSON (`application/json`) or an Arrow IPC stream (`application/vnd.apache.arrow.stream`, "
    "columns named as the JSON fields) in; the answer is Arrow when Accept names it, else JSON. "
    "Body limit BULWARK_ANALYTICS_MAX_BODY_BYTES (64 MiB by default): 413 BODY_TOO_LARGE past "
    "it. Runs within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with "
    "Retry-After. docs/options-api.md."
)


def _operation(request_schema: Schema) -> type[Operation]:
    """An Operation class naming both media types for the request body and the 200."""

    @dataclass
    class ArrowOrJsonOperation(Operation):
        def __post_init__(self) -> None:
            self.request_body = RequestBody(
                content={
                    JSON: OpenAPIMediaType(schema=request_schema),
                    ARROW_STREAM: OpenAPIMediaType(schema=_BINARY),
                },
                required=True,
                description="JSON, or an Arrow IPC stream with columns named as the JSON fields",
            )
            ok = (self.responses or {}).get("200")
            if isinstance(ok, OpenAPIResponse) and ok.content:
                ok.content[ARROW_STREAM] = OpenAPIMediaType(schema=_BINARY)

    return ArrowOrJsonOperation


def _malformed_arrow(request: Request[Any, Any, Any], exc: MalformedArrow) -> Response[Problem]:
    return problem_response(request, 400, exc.code, "Bad Request", str(exc))


def _unsupported(request: Request[Any, Any, Any], exc: UnsupportedMedia) -> Response[Problem]:
    return problem_response(
        request, 415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type", str(exc)
    )


class UnsupportedMedia(ValueError):
    """A Content-Type that is neither JSON nor an Arrow stream (415)."""


def _media(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def _wants_arrow(request: Request[Any, Any, Any]) -> bool:
    accept = request.headers.get("accept", "")
    return any(_media(part) == ARROW_STREAM for part in accept.split(","))


def _backend(compute: ComputePort) -> str:
    name = getattr(compute, "backend", None)
    return name if isinstance(name, str) else compute.info().backend


def _decode_json(raw: bytes, kind: type[GreeksIn] | type[ImpliedVolIn]) -> dict[str, Column]:
    refuse_oversized(raw, GREEKS_FIELDS if kind is GreeksIn else IMPLIED_VOL_FIELDS)
    body: GreeksIn | ImpliedVolIn = decode_json(lambda b: msgspec.json.decode(b, type=kind), raw)
    if isinstance(body, GreeksIn):
        return greeks_columns(body)
    return implied_vol_columns(body)


async def _read(
    request: Request[Any, Any, Any],
    kind: type[GreeksIn] | type[ImpliedVolIn],
    fields: tuple[str, ...],
    required: tuple[str, ...],
    check: Callable[[dict[str, Column]], OptionsBatch],
) -> OptionsBatch:
    content_type = _media(request.headers.get("content-type", JSON)) or JSON
    if content_type not in (JSON, ARROW_STREAM):
        raise UnsupportedMedia(f"send {JSON} or {ARROW_STREAM}, not {content_type[:64]!r}")
    raw = await read_body(request)

    def decode() -> OptionsBatch:
        if content_type == ARROW_STREAM:
            return check(read_columns(raw, fields, required))
        return check(_decode_json(raw, kind))

    return await off_loop(decode, large=len(raw) > OFF_LOOP_BYTES)


async def _answer(
    request: Request[Any, Any, Any],
    compute: ComputePort,
    batch: OptionsBatch,
    result: R,
    encoders: tuple[Callable[[R, str], bytes], Callable[[R, str], bytes]],
) -> Response[bytes]:
    """A budgeted computation's answer: JSON, or the same columns as an Arrow stream when the
    client asks for one (`encoders`: JSON's, Arrow's), encoded off the loop for large batches."""
    backend, arrow = _backend(compute), _wants_arrow(request)
    encode = encoders[1] if arrow else encoders[0]
    content = await off_loop(lambda: encode(result, backend), large=batch.count > OFF_LOOP_OPTIONS)
    return Response(
        content,
        status_code=200,
        media_type=ARROW_STREAM if arrow else JSON,
        headers={"Cache-Control": "no-store"},
    )


_RESPONSES = problem_responses(
    400,
    401,
    403,
    404,
    413,
    415,
    422,
    429,
    503,
    notes={
        400: "VALIDATION_ERROR naming the field (wrong type, unknown or missing field / column), "
        "MALFORMED_JSON or MALFORMED_ARROW",
        415: "UNSUPPORTED_MEDIA_TYPE: neither JSON nor an Arrow stream",
        422: "INVALID_OPTIONS_INPUT or OPTIONS_TOO_MANY, naming the field",
        503: "COMPUTE_BUSY or COMPUTE_TIME_BUDGET (Retry-After)",
    },
)


def _answers(container: type[Any], description: str) -> dict[int, ResponseSpec]:
    """The documented answers: 200 as `container` in JSON (or its columns as Arrow), and the
    problems every options calculation may answer."""
    answer = ResponseSpec(
        data_container=container,
        media_type=JSON,
        description=description,
        generate_examples=False,
    )
    return {200: answer, **_RESPONSES}


class OptionsComputeController(AnalyticsController):
    """Stateless calculations over posted options: nothing is stored."""

    path = "/analytics/options"
    exception_handlers = {  # noqa: RUF012 (Litestar's own attribute)
        MalformedArrow: _malformed_arrow,
        UnsupportedMedia: _unsupported,
    }

    @calculation(
        "/greeks",
        summary="Black-Scholes-Merton prices and Greeks of a batch of European options",
        description=(
            "Fields spot, strike, years, vol, rate (default 0), dividend_yield (default 0), "
            "right (call / put, default call): each a number or an array; scalars apply to "
            "every option. Answers price and every Greek as arrays in request order, with "
            "`units`: theta per year and per calendar day, vega per 1.0 and per vol point, "
            "rho per 1.0 and per percent, charm per year and per day. " + _RANGES + " " + _MEDIA
        ),
        operation_class=_operation(GREEKS_REQUEST),
        responses=_answers(
            GreeksOut, "Prices and Greeks (JSON), or the same columns as an Arrow stream"
        ),
    )
    async def compute_option_greeks(
        self, request: Request[Any, Any, Any], analytics: AnalyticsDep
    ) -> Response[bytes]:
        compute, budget = analytics.compute, analytics.compute_budget
        batch = await _read(request, GreeksIn, GREEKS_FIELDS, GREEKS_REQUIRED, greeks_batch)
        greeks = await compute_greeks(compute, budget, batch)
        return await _answer(request, compute, batch, greeks, (greeks_json, greeks_stream))

    @calculation(
        "/implied-vol",
        summary="Black-Scholes-Merton implied volatilities of a batch of option prices",
        description=(
            "Fields price, spot, strike, years, rate, dividend_yield, right as for the Greeks "
            "(no vol). Answers `volatility` (annualised fraction; null where none fits) and a "
            "`reason` per option: "
            + "; ".join(f"{name}: {text}" for name, text in REASONS.items())
            + ". A price no volatility fits is answered per element, not refused. "
            + _RANGES
            + " "
            + _MEDIA
        ),
        operation_class=_operation(IMPLIED_VOL_REQUEST),
        responses=_answers(
            ImpliedVolOut, "Volatilities and reasons (JSON), or the same columns as Arrow"
        ),
    )
    async def compute_implied_volatility(
        self, request: Request[Any, Any, Any], analytics: AnalyticsDep
    ) -> Response[bytes]:
        compute, budget = analytics.compute, analytics.compute_budget
        batch = await _read(
            request, ImpliedVolIn, IMPLIED_VOL_FIELDS, IMPLIED_VOL_REQUIRED, implied_vol_batch
        )
        result = await compute_implied_vols(compute, budget, batch)
        encoders = (implied_vol_json, implied_vol_stream)
        return await _answer(request, compute, batch, result, encoders)


def controllers(max_bytes: int) -> list[type[Controller]]:
    """The options compute controller with its own body limit (`max_bytes`)."""
    return with_body_limit(OptionsComputeController, max_bytes)
