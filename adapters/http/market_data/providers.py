"""Market-data providers: the failover feed's health report, and manual failover."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import JSONBody

from adapters.http.deps import CallerDep
from adapters.http.market_data import MarketDataDep
from adapters.http.market_data.provider_schemas import FailoverIn, FailoverOut, ProvidersOut
from adapters.http.problems import problem_responses
from adapters.http.security import require_roles
from application.market_data.providers import FailoverCommand
from domain.principals import Role

_REPORT_EXAMPLE = {
    "at": "2026-03-02T14:30:00Z",
    "active": "alpaca",
    "pinned": None,
    "call_timeout_seconds": 2.0,
    "breaker": {
        "window_size": 20,
        "minimum_calls": 5,
        "failure_rate_threshold": 0.5,
        "slow_call_seconds": 1.0,
        "slow_rate_threshold": 0.8,
        "open_seconds": 30.0,
        "half_open_calls": 3,
    },
    "consensus": {
        "mad_multiplier": 3.0,
        "floor_bps": 10.0,
        "tolerance_bps": 50.0,
        "min_agreeing": 2,
    },
    "providers": [
        {
            "name": "alpaca",
            "tier": 0,
            "state": "closed",
            "forced_open": False,
            "active": True,
            "pinned": False,
            "failure_rate": 0.05,
            "slow_rate": 0.0,
            "window_calls": 20,
            "latency_p50_ms": 41.2,
            "latency_p99_ms": 180.5,
            "calls": 1288,
            "failures": 3,
            "last_error": "timed out after 2s",
            "last_error_at": "2026-03-02T14:12:09Z",
            "rate_limit": {
                "limit": 200,
                "remaining": 143,
                "used_fraction": 0.285,
                "resets_at": "2026-03-02T14:31:00Z",
            },
            "cooling_until": None,
            "transitions": [],
        },
        {
            "name": "synthetic",
            "tier": 1,
            "state": "closed",
            "forced_open": False,
            "active": False,
            "pinned": False,
            "failure_rate": 0.0,
            "slow_rate": 0.0,
            "window_calls": 3,
            "latency_p50_ms": 0.02,
            "latency_p99_ms": 0.05,
            "calls": 3,
            "failures": 0,
            "last_error": None,
            "last_error_at": None,
            "rate_limit": None,
            "cooling_until": None,
            "transitions": [],
        },
    ],
}

_FAILOVER_NOTES = {
    403: "FORBIDDEN: risk officers and admins only",
    404: "UNKNOWN_PROVIDER: no provider of the feed has this name (or no feed: NOT_FOUND)",
    409: "NO_PROVIDER_AVAILABLE: no other provider can serve, or the named one's breaker is open",
    422: "INVALID_FAILOVER: `to` and `restore` together",
}


class ProviderController(Controller):
    """`/api/v1/providers`"""

    path = "/providers"

    @get(
        "/",
        summary="Market-data providers: who serves, breaker states, latency, rate limits",
        description=(
            "Each provider of the failover feed in priority order (tier 0 first): its circuit "
            "breaker (`closed`, `open`, `half_open`; `forced_open` after a manual failover) "
            "with its recent transitions, failure and slow-call rates over the breaker's "
            "window, p50/p99 latency of recent answers, the last error, and the request budget "
            "it last reported. `active` is the provider a call goes to now (`null`: none can "
            "serve). Also the failover and consensus settings. Any authenticated user."
        ),
        responses={
            200: ResponseSpec(
                data_container=ProvidersOut,
                generate_examples=False,
                description="The feed's providers",
                examples=[
                    Example(summary="Alpaca serving, synthetic behind", value=_REPORT_EXAMPLE)
                ],
            ),
            **problem_responses(401, 404, 429),
        },
    )
    async def list_market_data_providers(self, market_data: MarketDataDep) -> ProvidersOut:
        quality = market_data.quote_quality
        grades = () if quality is None else quality.grades()
        return ProvidersOut.from_domain(market_data.feed().report(), grades)

    @post(
        "/failover",
        summary="Switch market-data providers by hand (or restore the automatic choice)",
        description=(
            "`{}`: force the active provider's breaker open; the next one serves until "
            '`{"restore": true}`. `{"to": "replay"}`: pin that provider ahead of every tier '
            "(a provider forced open earlier is released). `restore` drops the pin and closes "
            "forced breakers. Audited. 404 UNKNOWN_PROVIDER; 409 NO_PROVIDER_AVAILABLE when "
            "no other provider can serve (or the named one's breaker is open). Risk officers "
            "and admins."
        ),
        status_code=200,
        guards=[require_roles(Role.RISK_OFFICER, Role.ADMIN)],
        responses=problem_responses(400, 401, 403, 404, 409, 422, 429, notes=_FAILOVER_NOTES),
    )
    async def switch_market_data_providers(
        self, data: JSONBody[FailoverIn], caller: CallerDep, market_data: MarketDataDep
    ) -> FailoverOut:
        command = FailoverCommand(caller.principal, to=data.to, restore=data.restore)
        return FailoverOut.from_domain(await market_data.feed().failover(command))


CONTROLLERS: list[Any] = [ProviderController]
