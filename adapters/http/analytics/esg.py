"""/api/v1/analytics/esg: a portfolio's ESG score with coverage, exclusion screens, carbon
(WACI, financed emissions), and issuers' data, from the ESG data port (docs/esg.md)."""

from __future__ import annotations

from typing import Any

from litestar import get
from litestar.params import FromPath, JSONBody

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.esg_schemas import (
    EsgCarbonOut,
    EsgDatasetOut,
    EsgIssuerOut,
    EsgQueryIn,
    EsgScoreOut,
    EsgScreenIn,
    EsgScreenOut,
)
from adapters.http.deps import CallerDep
from adapters.http.problems import on_source_unavailable
from adapters.http.shared_calculations import calculation
from application.analytics.esg import MAX_HOLDINGS
from ports.analytics.esg import EsgDataUnavailable

_INPUT = (
    f"Exactly one of `holdings` (1 to {MAX_HOLDINGS:,} `{{symbol, value}}` in `currency`), "
    "`portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base "
    "currency, summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` "
    "(a trading account you may read: long positions at their marks in its currency, shorts "
    "left out; another user's is 404 NOT_FOUND); weights are the market values over their "
    "total. Cash is never a holding: `source` names what was read, what was left out and the "
    "cash beside it. 422 INVALID_ESG_INPUT naming the field."
)
_UNAVAILABLE = "ESG_DATA_UNAVAILABLE with Retry-After: the ESG data file cannot be read"
_RESPONSES = problems(
    400, 404, 422, notes={404: "PORTFOLIO_NOT_FOUND, NOT_FOUND", 503: _UNAVAILABLE}
)


class EsgController(AnalyticsController):
    """Calculations over posted or owned holdings; nothing is stored."""

    path = "/analytics/esg"
    exception_handlers = {EsgDataUnavailable: on_source_unavailable}  # noqa: RUF012

    @calculation(
        "/score",
        summary="Portfolio ESG score (value-weighted over covered holdings) with its coverage",
        description=(
            "The overall score and the E, S and G pillars (0-100, higher is better), each "
            "value-weighted over the holdings the data covers, with the coverage by value and "
            f"by count, per-holding figures and the uncovered symbols. {_INPUT}"
        ),
        responses=_RESPONSES,
    )
    async def score_portfolio_esg(
        self, data: JSONBody[EsgQueryIn], caller: CallerDep, analytics: AnalyticsDep
    ) -> EsgScoreOut:
        view = await analytics.esg.score(caller.principal, data.to_query())
        return EsgScoreOut.from_view(view)

    @calculation(
        "/screen",
        summary="Exclusion screens: tobacco, alcohol, gambling, weapons, adult, thermal coal",
        description=(
            "Holdings whose issuer's revenue share from a category is >= its threshold (and "
            "above 0) are excluded, with the categories breached; `thresholds` overrides the "
            "defaults (tobacco 0, thermal_coal 0.01, the others 0.05; docs/esg.md) and, when "
            "given, chooses the categories screened. Holdings without data are unscreened. "
            f"{_INPUT}"
        ),
        responses=_RESPONSES,
    )
    async def screen_esg_exclusions(
        self, data: JSONBody[EsgScreenIn], caller: CallerDep, analytics: AnalyticsDep
    ) -> EsgScreenOut:
        view = await analytics.esg.screen(caller.principal, data.to_query(), data.to_thresholds())
        return EsgScreenOut.from_view(view)

    @calculation(
        "/carbon",
        summary="Carbon: WACI, financed emissions (PCAF), carbon footprint, data quality",
        description=(
            "Scope 1 + 2 emissions. WACI (TCFD) in tCO2e per USD million of revenue, "
            "value-weighted over the holdings with emissions and revenue; financed emissions "
            "(PCAF: value / EVIC x emissions) in tCO2e; the footprint per USD million invested; "
            "the PCAF data quality score; each with its coverage. Holdings must be in USD (the "
            f"data's currency; 422 naming `currency` otherwise). {_INPUT}"
        ),
        responses=_RESPONSES,
    )
    async def compute_carbon_metrics(
        self, data: JSONBody[EsgQueryIn], caller: CallerDep, analytics: AnalyticsDep
    ) -> EsgCarbonOut:
        view = await analytics.esg.carbon(caller.principal, data.to_query())
        return EsgCarbonOut.from_view(view)

    @get(
        "/issuers/{symbol:str}",
        summary="One issuer's ESG data",
        description="Scores, revenue shares, emissions, revenue, EVIC. 404 UNKNOWN_ISSUER.",
        responses=problems(404, notes={404: "UNKNOWN_ISSUER", 503: _UNAVAILABLE}),
    )
    async def get_esg_issuer(self, symbol: FromPath[str], analytics: AnalyticsDep) -> EsgIssuerOut:
        record, dataset = await analytics.esg.issuer(symbol)
        return EsgIssuerOut.from_domain(record, dataset)

    @get(
        "/dataset",
        summary="The ESG data set: its source, as-of date, size, and whether it is synthetic",
        responses=problems(notes={503: _UNAVAILABLE}),
    )
    async def get_esg_dataset(self, analytics: AnalyticsDep) -> EsgDatasetOut:
        return EsgDatasetOut.from_domain(await analytics.esg.dataset())


CONTROLLERS: list[Any] = [EsgController]
