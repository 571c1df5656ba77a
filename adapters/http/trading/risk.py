"""Risk: rule CRUD and dry runs, position sizing, portfolio risk and pre-trade analysis."""

from __future__ import annotations

from litestar import Controller, delete, get, post, put
from litestar.params import FromPath, FromQuery, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.schemas.risk import (
    AnalysisOut,
    AnalyzeIn,
    PortfolioRiskIn,
    PortfolioRiskOut,
    RuleIn,
    RuleListOut,
    RuleOut,
    RuleTestIn,
    RuleTestOut,
    SizingIn,
    SizingOut,
)
from adapters.http.security import HUMANS, READERS, READERS_AND_AGENTS, require_roles
from adapters.http.trading import TradingDep, problems
from adapters.http.trading.orders import origin_of

# Agents may size, value and analyse, never read or change the limits that bind them.
_PEOPLE = [require_roles(*HUMANS)]
_DESK_READERS = [require_roles(*READERS)]  # people and viewers
_ANY_READER = [require_roles(*READERS_AND_AGENTS)]  # people, viewers and agents
_RULE_422 = {422: "INVALID_RULE naming the parameter at fault"}
_MARKS_422 = {422: "NO_REFERENCE_PRICE: a held symbol has no mark"}
_LIVE_LIMITS = (
    "409 LIVE_LIMITS_REQUIRED when it would leave an account enabled for live trading without "
    "an active BLOCK rule of MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE or MAX_OPEN_ORDERS "
    "(docs/live-trading.md)."
)


class RiskRuleController(Controller):
    """`/api/v1/risk-rules`: another owner's rule answers 404; global rules are read-only
    except to a risk officer or an admin."""

    path = "/risk-rules"

    @post(
        "/",
        summary="Create a risk rule",
        description=(
            "201 with the rule; it binds the next order. 422 INVALID_RULE names the parameter "
            "at fault; 403 FORBIDDEN for a global rule unless risk officer or admin; "
            "404 NOT_FOUND for an account the caller may not act on."
        ),
        guards=_PEOPLE,
        status_code=201,
        responses=problems(400, 404, 422, 429, notes=_RULE_422),
    )
    async def create_risk_rule(
        self, data: JSONBody[RuleIn], caller: CallerDep, trading: TradingDep
    ) -> RuleOut:
        return RuleOut.from_domain(await trading.risk.create(caller.principal, data.to_domain()))

    @get(
        "/",
        summary="List risk rules",
        description=(
            "The caller's own rules and the global ones, by id (all for a supervisor or viewer)."
        ),
        guards=_DESK_READERS,
        responses=problems(429),
    )
    async def list_risk_rules(self, caller: CallerDep, trading: TradingDep) -> RuleListOut:
        rules = await trading.risk.list(caller.principal)
        return RuleListOut.of(rules)

    @get(
        "/portfolio-risk",
        summary="Portfolio risk of an account",
        description=(
            "Gross / net / long / short exposure, leverage, sector weights, drawdown and day P&L "
            "at current marks. `var`: historical, Gaussian and Cornish-Fisher VaR / CVaR and the "
            "Hill tail index (domain/analytics/risk_measures) from the account's stored daily "
            "returns (time-weighted, from the daily equity snapshots, the last 252 at most; "
            "`returns_source` is `stored` and `returns_count` says how many), null "
            "with fewer than two (POST to this path to send returns). `held_correlation`: the "
            "held positions' correlation matrix, volatilities and diversification ratio from "
            "their stored daily bars (null with `held_correlation_note` saying why). 404 "
            "NOT_FOUND; 422 NO_REFERENCE_PRICE when a held symbol has no mark."
        ),
        guards=_ANY_READER,
        responses=problems(400, 404, 422, 429, notes=_MARKS_422),
    )
    async def get_portfolio_risk(
        self, account_id: FromQuery[str], caller: CallerDep, trading: TradingDep
    ) -> PortfolioRiskOut:
        risk = await trading.risk.portfolio_risk(caller.principal, account_id)
        return PortfolioRiskOut.from_domain(account_id, risk)

    @post(
        "/portfolio-risk",
        summary="Portfolio risk of an account with VaR / CVaR from returns",
        description=(
            "As the GET, plus historical, Gaussian and Cornish-Fisher VaR / CVaR at 95% and 99% "
            "(and the Hill tail index) from the "
            "`returns` sent (periodic fractions, at least two), valued on current equity. "
            "400 VALIDATION_ERROR naming `returns` when they are missing, too few or not numbers."
        ),
        guards=_ANY_READER,
        status_code=200,
        responses=problems(400, 404, 422, 429, notes=_MARKS_422),
        opt=VIEWER_MAY_CALL,
    )
    async def compute_portfolio_risk(
        self, data: JSONBody[PortfolioRiskIn], caller: CallerDep, trading: TradingDep
    ) -> PortfolioRiskOut:
        risk = await trading.risk.portfolio_risk(caller.principal, data.account_id, data.returns)
        return PortfolioRiskOut.from_domain(data.account_id, risk)

    @post(
        "/test",
        summary="Dry-run a draft rule against an account",
        description=(
            "Nothing is saved or sent. Reports each holding the rule would bind now and, with an "
            "`order`, the gate's decision on it under the account's rules plus the draft. "
            "422 INVALID_RULE / INVALID_ORDER; 403 for a global draft unless supervisor; 404."
        ),
        guards=_PEOPLE,
        status_code=200,
        responses=problems(400, 404, 422, 429, notes={422: "INVALID_RULE or INVALID_ORDER"}),
    )
    async def test_risk_rule(
        self, data: JSONBody[RuleTestIn], caller: CallerDep, trading: TradingDep
    ) -> RuleTestOut:
        order = None
        if data.order is not None:
            origin = origin_of(caller, data.order.strategy_id)
            order = data.order.to_order(data.account_id, origin)
        report = await trading.risk.test_rule(
            caller.principal, data.account_id, data.rule.to_domain(), order
        )
        return RuleTestOut.from_domain(report)

    @post(
        "/calculate-position-size",
        summary="Suggest a position size",
        description=(
            "Fixed-fractional with a `stop`: equity × risk_fraction / |entry − stop| (default "
            "2% risk), capped at max_position_fraction of equity (default 10%), rounded down to "
            "lots. With `volatility` instead: the stop is volatility_multiple × volatility away. "
            "422 INVALID_SIZING_INPUT; 422 NUMBER_OUT_OF_RANGE when the arithmetic leaves its "
            "bounded context; 404 for an account the caller may not act on."
        ),
        guards=_ANY_READER,
        status_code=200,
        responses=problems(
            400, 404, 422, 429, notes={422: "INVALID_SIZING_INPUT or NUMBER_OUT_OF_RANGE"}
        ),
        opt=VIEWER_MAY_CALL,
    )
    async def calculate_position_size(
        self, data: JSONBody[SizingIn], caller: CallerDep, trading: TradingDep
    ) -> SizingOut:
        sized = await trading.risk.size_position(caller.principal, data.to_domain())
        return SizingOut.from_domain(sized, by_stop=data.stop is not None)

    @get(
        "/{rule_id:str}",
        summary="One risk rule",
        description="404 NOT_FOUND.",
        guards=_DESK_READERS,
        responses=problems(404, 429),
    )
    async def get_risk_rule(
        self, rule_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> RuleOut:
        return RuleOut.from_domain(await trading.risk.get(caller.principal, rule_id))

    @put(
        "/{rule_id:str}",
        summary="Replace a risk rule",
        description=(
            "The whole rule is replaced and validated again; the owner stays. 404 NOT_FOUND; "
            "403 FORBIDDEN for a global rule unless risk officer or admin; 422 INVALID_RULE. "
            "An edit that loosens the rule (a higher maximum, deactivated, a weaker action, "
            "applied elsewhere) is audited with the values before and after "
            f"(`risk_rule.loosen`). {_LIVE_LIMITS}"
        ),
        guards=_PEOPLE,
        responses=problems(400, 404, 409, 422, 429, notes=_RULE_422),
    )
    async def replace_risk_rule(
        self,
        rule_id: FromPath[str],
        data: JSONBody[RuleIn],
        caller: CallerDep,
        trading: TradingDep,
    ) -> RuleOut:
        rule = await trading.risk.update(caller.principal, rule_id, data.to_domain())
        return RuleOut.from_domain(rule)

    @delete(
        "/{rule_id:str}",
        summary="Delete a risk rule",
        description=(
            "204. 404 NOT_FOUND; 403 FORBIDDEN for a global rule unless supervisor. " + _LIVE_LIMITS
        ),
        guards=_PEOPLE,
        status_code=204,
        responses=problems(404, 409, 429),
    )
    async def delete_risk_rule(
        self, rule_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> None:
        await trading.risk.delete(caller.principal, rule_id)


class RiskAnalysisController(Controller):
    """`/api/v1/risk`: pre-trade analysis of a prospective order."""

    path = "/risk"

    @post(
        "/analyze",
        summary="Pre-trade analysis of an order",
        description=(
            "Nothing is stored or sent. The gate's decision, the margin impact of a full fill, "
            "the sector weight after it, the headroom left under each size limit and a rating "
            "SAFE / CAUTION / DANGER with its reasons. 404 NOT_FOUND for an account the caller "
            "may not act on; 422 INVALID_ORDER (bad terms, unknown instrument); "
            "422 NO_REFERENCE_PRICE."
        ),
        guards=_ANY_READER,
        status_code=200,
        responses=problems(400, 404, 422, 429, notes={422: "INVALID_ORDER or NO_REFERENCE_PRICE"}),
        opt=VIEWER_MAY_CALL,
    )
    async def analyze_order_risk(
        self, data: JSONBody[AnalyzeIn], caller: CallerDep, trading: TradingDep
    ) -> AnalysisOut:
        order = data.to_order(origin_of(caller, data.strategy_id))
        analysis = await trading.risk.analyze_trade(caller.principal, data.account_id, order)
        return AnalysisOut.from_domain(analysis)


CONTROLLERS = [RiskRuleController, RiskAnalysisController]
