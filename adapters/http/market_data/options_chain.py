"""Option chains with computed IV and Greeks, and IV rank: `/api/v1/analytics/options/{symbol}`."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get
from litestar.params import FromPath, QueryParameter

from adapters.http.market_data import MarketDataDep
from adapters.http.market_data.market import on_unavailable
from adapters.http.market_data.options_chain_schemas import ChainOut, IVRankOut
from adapters.http.problems import problem_responses
from application.market_data.market import MarketDataUnavailable

_NOTES = {
    400: "VALIDATION_ERROR: a parameter of the wrong type; `errors` names it",
    404: "SYMBOL_NOT_FOUND: the market-data provider knows no such symbol",
    422: "INVALID_OPTIONS_REQUEST (a malformed symbol or expiry) or EXPIRY_NOT_LISTED; "
    "`errors` names the field",
    503: "MARKET_DATA_UNAVAILABLE: the provider failed or is rate limited; retry after the "
    "Retry-After header's seconds",
}


class OptionsChainController(Controller):
    """Read-only market analytics for any signed-in user or agent (not owner-scoped)."""

    path = "/analytics/options"
    exception_handlers = {  # noqa: RUF012 - Litestar reads this class attribute as is
        MarketDataUnavailable: on_unavailable,
    }

    @get(
        "/{symbol:str}/chain",
        summary="The option chain with IV and Greeks per contract, aggregates and whale flags",
        description=(
            "The provider's listed contracts of the underlying (one expiry with `expiry`, a "
            "listed YYYY-MM-DD). Per contract: the implied volatility from the mid "
            "((bid + ask) / 2; null with `iv_reason` where no vol fits), Black-Scholes-Merton "
            "Greeks at it (delta and gamma per share, theta per calendar day, vega per vol "
            "point), volume / open interest, premium notional (volume x mid x 100) and whale "
            "flags. Aggregates: put/call ratios by volume and open interest, per expiry the ATM "
            "IV and max pain (the listed strike where holders' total payout is least), gamma "
            "exposure by strike in currency per 1% move (gamma x OI x 100 x S^2 x 0.01, "
            "dealers long calls and short puts) with the zero-gamma level, the 30-day "
            "constant-maturity ATM IV, and sweep-like bursts seen across reads. Rate: "
            "BULWARK_OPTIONS_RISK_FREE_RATE, no dividends; years to a 21:00 UTC close. "
            "See docs/options-chain.md."
        ),
        responses=problem_responses(400, 401, 404, 422, 429, 503, notes=_NOTES),
    )
    async def get_option_chain(
        self,
        symbol: FromPath[str],
        market_data: MarketDataDep,
        expiry: Annotated[
            str | None,
            QueryParameter(description="A listed expiry, YYYY-MM-DD"),
        ] = None,
    ) -> ChainOut:
        view = await market_data.chains().chain(symbol, expiry)
        return ChainOut.from_domain(view)

    @get(
        "/{symbol:str}/iv-rank",
        summary="IV rank and IV percentile of the 30-day ATM IV over 252 trading days",
        description=(
            "The current 30-day constant-maturity ATM IV (total variance interpolated between "
            "the expiries around 30 days) against the stored daily IVs of the days before "
            "today, at most 251 of them (252 observations with today's). rank = "
            "(current - min) / (max - min); percentile = share of the prior days below the "
            "current IV. With fewer than 2 observations both are null and `reason` says "
            "INSUFFICIENT_HISTORY: a fresh install has no history until the recorder (each "
            "weekday, `bulwark options record-iv`) has stored some days. Until 20 days are "
            "recorded, when the bar history store holds more, the rank is of the 30-day "
            "realised volatility of the stored daily closes (annualised), a stand-in for "
            "implied volatility, against its own past values: `source` says "
            "realised_vol_proxy or stored_implied_vols, `history_days` the days of history, "
            "`ranked_value` the value ranked."
        ),
        responses=problem_responses(400, 401, 404, 422, 429, 503, notes=_NOTES),
    )
    async def get_iv_rank(self, symbol: FromPath[str], market_data: MarketDataDep) -> IVRankOut:
        view = await market_data.chains().iv_rank(symbol)
        return IVRankOut.from_domain(view)


CONTROLLERS: list[Any] = [OptionsChainController]
