"""`/console/options`: an underlying's option chain, its aggregates, the IV smile and GEX charts.

Every figure is `OptionsChainService`'s (the same use case as
GET /api/v1/analytics/options/{symbol}/chain and .../iv-rank), for any signed-in user (the
read-only viewer included: the page changes nothing). Conventions are the service's: IV from
each contract's mid, annualised (shown in %); theta per calendar day; vega per vol point
(0.01); gamma exposure (GEX) in currency per 1% move of the underlying, calls +, puts -.

The charts carry their data in the element (`data-chart-data`, JSON in an attribute: no inline
script under the CSP) and console.js draws them with uPlot: the smile is IV (%) against strike,
one series per right (and per expiry when the whole chain is shown); GEX is net exposure by
strike as bars, with the zero-gamma level and the spot marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from litestar import Controller, Request, get
from litestar.params import FromQuery
from litestar.response import Template

from adapters.http.console.pages import page
from adapters.http.contexts import bundle_of
from adapters.http.problems import domain_status
from application.market_data.options_chain import ChainView, ContractView, IVRankView
from domain.errors import DomainError, NotFound
from domain.trading.instruments import OptionRight

DEFAULT_SYMBOL = "AAPL"


@dataclass(frozen=True, slots=True)
class StrikeRow:
    """One table row: a strike of one expiry with its call and its put (None when unlisted)."""

    expiry: date
    strike: float
    call: ContractView | None
    put: ContractView | None


def strike_rows(view: ChainView) -> list[StrikeRow]:
    """The contracts paired by (expiry, strike), in expiry then strike order."""
    pairs: dict[tuple[date, float], dict[OptionRight, ContractView]] = {}
    for contract in view.contracts:
        key = (contract.quote.expiry, float(contract.quote.strike))
        pairs.setdefault(key, {})[contract.quote.right] = contract
    return [
        StrikeRow(day, strike, sides.get(OptionRight.CALL), sides.get(OptionRight.PUT))
        for (day, strike), sides in sorted(pairs.items())
    ]


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100.0, 4)


def smile_chart(view: ChainView) -> dict[str, Any]:
    """IV (%) by strike: Calls / Puts (per expiry when more than one is shown); null = no IV."""
    strikes = sorted({float(c.quote.strike) for c in view.contracts})
    expiries = sorted({c.quote.expiry for c in view.contracts})
    index = {strike: i for i, strike in enumerate(strikes)}
    series: dict[str, list[float | None]] = {}
    for day in expiries:
        for right, label in ((OptionRight.CALL, "Calls"), (OptionRight.PUT, "Puts")):
            name = label if len(expiries) == 1 else f"{label} {day.isoformat()}"
            values: list[float | None] = [None] * len(strikes)
            for c in view.contracts:
                if c.quote.expiry == day and c.quote.right is right:
                    values[index[float(c.quote.strike)]] = _percent(c.iv)
            series[name] = values
    return {"x": strikes, "series": series, "time": False, "xLabel": "Strike"}


def gex_chart(view: ChainView) -> dict[str, Any]:
    """Net GEX by strike (bars) with the zero-gamma level and the spot as vertical markers."""
    markers = [{"x": view.spot, "label": "spot"}]
    if view.zero_gamma is not None:
        markers.append({"x": view.zero_gamma, "label": "zero gamma"})
    return {
        "x": [float(s) for s in view.gex.strikes],
        "series": {"Net GEX": [round(float(v), 2) for v in view.gex.net]},
        "time": False,
        "xLabel": "Strike",
        "bars": True,
        "markers": markers,
    }


class OptionsPageController(Controller):
    """`/console/options?symbol=&expiry=`"""

    path = "/options"

    @get("/")
    async def options(
        self,
        request: Request[Any, Any, Any],
        symbol: FromQuery[str] = DEFAULT_SYMBOL,
        expiry: FromQuery[str] = "",
    ) -> Template:
        market_data = bundle_of(request, "market_data")
        service = None if market_data is None else market_data.options_chain
        if service is None:
            raise NotFound("option chains are not served by this instance")
        context: dict[str, Any] = {"symbol": symbol.strip().upper(), "expiry": expiry.strip()}
        status = 200
        try:
            view = await service.chain(symbol, expiry.strip() or None)
            rank: IVRankView | None = await service.iv_rank(symbol)
        except DomainError as exc:  # a symbol without a chain, an expiry not listed
            context["problem"] = exc
            status = domain_status(exc)
        else:
            everything = view if view.expiry is None else await service.chain(symbol)
            context.update(
                view=view,
                rank=rank,
                rows=strike_rows(view),
                listed=[e.expiry for e in everything.expiries],
                smile=smile_chart(view),
                gex=gex_chart(view),
            )
        return page(request, "options.html", title="Options", status_code=status, context=context)
