"""/api/v1/analytics/scenarios: macro shocks and historical replays on positions or on your
portfolio, hedge sufficiency, bank-run liquidity stress and the recovery timeline
(docs/scenarios.md). Calculations: nothing is stored, a viewer may call them.
"""

from __future__ import annotations

from typing import Any

from litestar import get
from litestar.params import JSONBody

from adapters.http.deps import CallerDep
from adapters.http.markets import MarketsDep, problems
from adapters.http.markets.markets import MarketsController
from adapters.http.markets.stress_schemas import (
    LiquidityIn,
    LiquidityOut,
    RecoveryIn,
    RecoveryOut,
    ReplayCatalogOut,
    ShockIn,
    ShockOut,
)
from adapters.http.problems import problem_responses
from adapters.http.security import READERS, require_roles
from adapters.http.shared_calculations import calculation
from domain.analytics.scenarios.factors import InvalidScenario

MAX_BODY_BYTES = 8 * 1024 * 1024  # 10,000 positions with their sensitivities
_REFUSED = (
    "422 INVALID_SCENARIO naming the field (an unknown factor, a move out of range, a "
    "sensitivity out of range), INVALID_CORRELATION (not symmetric, a diagonal other than 1, "
    "not positive semi-definite), SINGULAR_CORRELATION (the named factors' covariance cannot "
    "be inverted), EMPTY_PORTFOLIO; 404 UNKNOWN_SCENARIO for a replay the source lacks, "
    "PORTFOLIO_NOT_FOUND for a portfolio that is not yours; 503 COMPUTE_BUSY / "
    "COMPUTE_TIME_BUDGET with Retry-After for a large request the budget cannot take now"
)


class ScenarioController(MarketsController):
    path = "/analytics/scenarios"
    guards = (require_roles(*READERS),)
    request_max_body_size = MAX_BODY_BYTES

    @get(
        "/replays",
        summary="The historical replays (2008-09, 2020-03, 2022 rates) and their sources",
        description=(
            "Each replay's factor moves between two dates with the public series they were "
            "read from, and the default factor model's horizon and source (BULWARK_SCENARIOS_DIR; "
            "the shipped figures are rounded and approximate, the model illustrative). 503 "
            "DATA_SOURCE_UNAVAILABLE with Retry-After when the file cannot be read."
        ),
        responses=problem_responses(401, 403, 429, 503),
    )
    async def list_scenario_replays(self, markets: MarketsDep) -> ReplayCatalogOut:
        return ReplayCatalogOut.from_view(await markets.scenarios.catalog())

    @calculation(
        "/shock",
        summary="Reprice positions or your portfolio under macro shocks and replays",
        description=(
            "Each scenario's P&L through per-position sensitivities (equity and oil and USD "
            "betas, duration and convexity to yields, spread duration): the total and its "
            "fraction of the gross value, the split by factor, the core and hedge P&L and the "
            "hedge sufficiency in [0, 1], the worst positions, the Mahalanobis distance under "
            "the correlation model in use and, with `expected_return`, the months to regain "
            "the loss. `positions` (at most 10,000) or `portfolio_id` (your own: priced "
            "base-currency positions and cash, sensitivities per symbol or "
            "`default_sensitivities`; others listed in `excluded`). `scenarios` name moves of "
            "equity, rates, oil, usd, credit; factors left out stay 0, or with `correlation` "
            "(or `fill_missing` and the default model) take their conditional expectation. "
            '`replays`: names or ["all"]. With `estimate_betas` (a portfolio only), symbols '
            "without posted sensitivities get equity, oil and USD betas by OLS of their daily "
            "returns on the factor proxies' (`beta_proxies`, default SPY, USO, UUP) over the "
            "last `beta_window` (252) common returns of the stored daily bars; posted "
            "sensitivities override them; fewer than `beta_min_observations` (60) returns: "
            "`default_sensitivities` if given, else the symbol is excluded; `betas` names "
            "each symbol's basis (posted, estimated, default, none) with the observations, "
            "the days and R^2, `beta_estimation` the terms. "
            "Deterministic what-ifs, unlike the random paths of "
            "POST /api/v1/risk/scenario-simulation. " + _REFUSED + "."
        ),
        responses=problems(404, 413, 429, 503),
    )
    async def shock_portfolio(
        self, data: JSONBody[ShockIn], caller: CallerDep, markets: MarketsDep
    ) -> ShockOut:
        report = await markets.scenarios.shock(caller.principal, data.to_request())
        return ShockOut.from_report(report)

    @calculation(
        "/liquidity",
        summary="Bank-run liquidity stress: cash raisable per day against obligations",
        description=(
            "Each asset raises value x (1 - haircut) / horizon_days on each of its first "
            "horizon_days days; against `obligations` (an amount a day, at most 366 days) or "
            "a `run` (deposits withdrawn at daily_rate of what is left). Answers each day's "
            "cash raised, obligations and cumulative surplus, the first shortfall day, the "
            "days survived and the coverage. The assets: exactly one of posted `assets`, "
            "`portfolio_id` (a ledger portfolio of yours: priced positions in its base "
            "currency and its base-currency cash; another user's is 404 PORTFOLIO_NOT_FOUND) "
            "or `account_id` (a trading account you may read: positions at their marks and "
            "its cash; another user's is 404 NOT_FOUND). A stored holding's haircut and "
            "horizon come from its instrument's asset class (cash 0 over 1 day, fx 1 % over 1, "
            "equity 10 % over 2, option 20 % over 3, crypto 25 % over 2; no stored "
            "instrument: equity) unless `liquidity` posts them for its symbol or class; "
            "shorts and futures are left out; `source` lists each asset with its terms and "
            "why, and what was left out. 422 INVALID_SCENARIO naming the field. Stores "
            "nothing."
        ),
        responses=problems(404, 413, 429),
    )
    async def stress_liquidity(
        self, data: JSONBody[LiquidityIn], caller: CallerDep, markets: MarketsDep
    ) -> LiquidityOut:
        obligations = None if data.obligations is None else list(data.obligations)
        if data.assets is not None and data.portfolio_id is None and data.account_id is None:
            if data.liquidity is not None:
                raise InvalidScenario(
                    "liquidity terms apply to stored holdings: post them on each asset",
                    field="liquidity",
                )
            stress = markets.scenarios.liquidity(
                [a.to_domain() for a in data.assets], obligations, data.to_run()
            )
            return LiquidityOut.from_domain(stress)
        if data.assets is not None:
            raise InvalidScenario(
                "give assets, portfolio_id or account_id (exactly one)", field="assets"
            )
        stored = await markets.scenarios.stored_liquidity(
            caller.principal,
            portfolio_id=data.portfolio_id,
            account_id=data.account_id,
            terms=data.to_terms(),
            obligations=obligations,
            run=data.to_run(),
        )
        return LiquidityOut.from_domain(stored.stress, stored)

    @calculation(
        "/recovery",
        summary="Recovery timeline: months to regain a loss at an expected return",
        description=(
            "From `loss` (a fraction of the peak) or `peak_value` and `current_value`, at "
            "`expected_return` a year compounded monthly: months = 12 ln(1 / (1 - loss)) / "
            "ln(1 + r), the month it is regained, and the gain needed on what is left; null "
            "months at a return of zero or less. 422 INVALID_SCENARIO naming the field."
        ),
        responses=problems(429),
    )
    async def estimate_recovery_time(
        self, data: JSONBody[RecoveryIn], markets: MarketsDep
    ) -> RecoveryOut:
        result = markets.scenarios.recovery(
            data.expected_return, data.loss, data.peak_value, data.current_value
        )
        return RecoveryOut.from_domain(result)


CONTROLLERS: list[Any] = [ScenarioController]
