"""`/console/backtests`: the signed-in user's strategies and backtests, and one backtest's
results: its metrics, the daily equity curve and the drawdown (underwater) curve as charts,
its trades and the orders the pre-trade gate denied.

The same use cases as `/api/v1/backtests` and `/api/v1/strategies` (application/strategies:
BacktestService.list_for / get, StrategyService.list_for) with the signed-in principal: only
the caller's own runs; another user's backtest answers 404. The viewer sees its own (none),
like anyone. The results carry no benchmark: the equity chart is the strategy's alone.

Two forms (owners, traders, risk officers and admins; `ACTING`): create a strategy as
POST /api/v1/strategies takes it, kept small (a name, one of the caller's accounts, one signal
source of a kind and its parameters, the sizing; mode `off`: a console-made strategy never
trades until changed through the API), and start a backtest of one of the caller's strategies
(dates, symbols, bars from the synthetic set or the store), which moves to the run's page: it
polls while the run goes on, then shows the results and charts. A refused field is shown beside
it (422, the values kept), never a 500.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ACTING, ConsolePage, form_page, go_to, page
from adapters.http.contexts import bundle_of
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.strategies.service import StrategyDraft
from domain.analytics.performance import drawdown_curve
from domain.backtests.model import BacktestRequest, BacktestResult, DataSource
from domain.errors import DomainError
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.strategies.definition import SignalSource, SizingMethod, SizingPolicy, SourceKind

PAGE = 50
After = Annotated[str | None, QueryParameter(min_length=1, max_length=64)]
SHOWN_TRADES = 200


def _services(request: Request[Any, Any, Any]) -> Any:
    services = bundle_of(request, "strategies")
    if services is None:
        raise NotFoundException("strategies are not served here")
    return services


def result_charts(result: BacktestResult) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(equity, drawdown) chart data of a finished run; None without an equity curve."""
    if not result.equity:
        return None
    x = [int(datetime.combine(p.day, time(), tzinfo=UTC).timestamp()) for p in result.equity]
    values = [p.equity for p in result.equity]
    equity = {"x": x, "series": {"Equity": [float(v) for v in values]}}
    under = {"x": x, "series": {"Drawdown %": [round(v * 100, 4) for v in drawdown_curve(values)]}}
    return equity, under


class BacktestsPageController(ConsolePage):
    """`/console/backtests` and `/console/backtests/{id}`"""

    path = "/backtests"

    @get("/")
    async def backtests(self, request: Request[Any, Any, Any], after: After = None) -> Template:
        return await _backtests_page(request, after)

    @post("/strategies", guards=[ACTING], status_code=303)
    async def create_strategy(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        fields = FieldReader(await request.form())
        draft = _strategy_draft(fields)
        if draft is None:
            return await _backtests_page(request, strategy_form=fields)
        try:
            created = await _services(request).strategies.create(
                caller_of(request).principal, draft
            )
        except DomainError as refused:
            code = _refusal(fields, refused, _STRATEGY_FIELDS)
            return await _backtests_page(request, strategy_form=fields, code=code)
        return go_to(request, f"/console/backtests?strategy={created.id}#start-backtest")

    @post("/", guards=[ACTING], status_code=303)
    async def start_backtest(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        fields = FieldReader(await request.form())
        try:
            run_request = _backtest_request(fields)
            if run_request is None:
                return await _backtests_page(request, backtest_form=fields)
            run = await _services(request).backtests.start(
                caller_of(request).principal, run_request
            )
        except DomainError as refused:
            code = _refusal(fields, refused, _BACKTEST_FIELDS)
            return await _backtests_page(request, backtest_form=fields, code=code)
        return go_to(request, f"/console/backtests/{run.id}")

    @get("/{backtest_id:str}")
    async def backtest(
        self, request: Request[Any, Any, Any], backtest_id: FromPath[str]
    ) -> Template:
        services = _services(request)
        run = await services.backtests.get(caller_of(request).principal, backtest_id)
        charts = None if run.result is None else result_charts(run.result)
        return page(
            request,
            "backtest.html",
            title=f"Backtest {run.id}",
            context={"run": run, "charts": charts, "shown_trades": SHOWN_TRADES},
        )


# The domain's field names as the forms name them.
_STRATEGY_FIELDS = {"sources": "symbols", "account_ids": "account_id", "strategy": "name"}
_BACKTEST_FIELDS = {"symbols": "bt_symbols", "from": "start", "to": "end"}
MAX_FORM_SYMBOLS = 20


async def _backtests_page(
    request: Request[Any, Any, Any],
    after: str | None = None,
    *,
    strategy_form: FieldReader | None = None,
    backtest_form: FieldReader | None = None,
    code: str | None = None,
) -> Template:
    """The runs, the strategies and the two forms; a refused form keeps its values and shows
    each error beside its field (422)."""
    services = _services(request)
    principal = caller_of(request).principal
    runs = await services.backtests.list_for(principal, PAGE, after)
    strategies = await services.strategies.list_for(principal)
    accounts = await trading_of(request).accounts.list_accounts(principal)
    refused = strategy_form or backtest_form
    status, code = refused.outcome(code) if refused is not None else (200, None)
    chosen = request.query_params.get("strategy") or ""
    return form_page(
        request,
        "backtests.html",
        title="Backtests",
        status_code=status,
        code=code or "",
        context={
            "runs": runs,
            "strategies": strategies,
            "accounts": accounts,
            "names": {s.id: s.name for s in strategies},
            "next_after": runs[-1].id if len(runs) == PAGE else None,
            "strategy_typed": strategy_form.values if strategy_form else {},
            "strategy_errors": strategy_form.errors if strategy_form else {},
            "backtest_typed": backtest_form.values if backtest_form else {"strategy_id": chosen},
            "backtest_errors": backtest_form.errors if backtest_form else {},
            "source_kinds": list(SourceKind),
            "patterns": list(Pattern),
            "timeframes": list(Timeframe),
            "sizing_methods": list(SizingMethod),
            "data_sources": list(DataSource),
        },
    )


def _refusal(fields: FieldReader, refused: DomainError, names: dict[str, str]) -> str:
    """The use case's refusal beside the field it names (the form's top when none); a server
    fault (5xx) is raised as it is."""
    if domain_status(refused) >= 500:
        raise refused
    name = refused.field or "form"
    fields.errors[names.get(name, name)] = f"{refused.message} ({refused.code})"
    return refused.code


def _symbols(fields: FieldReader, name: str, *, required: bool) -> tuple[str, ...]:
    """Comma- or space-separated symbols, upper-cased, each once in the order given."""
    text = fields.text(name).replace(",", " ")
    found = tuple(dict.fromkeys(s.upper() for s in text.split()))
    if required and not found:
        fields.errors[name] = f"{name}: give one or more symbols"
    elif len(found) > MAX_FORM_SYMBOLS:
        fields.errors[name] = f"{name}: at most {MAX_FORM_SYMBOLS} symbols"
    elif any(len(s) > 32 or not s.replace(".", "").replace("-", "").isalnum() for s in found):
        fields.errors[name] = f"{name}: letters, digits, '.' and '-' only"
    return found


def _strategy_draft(fields: FieldReader) -> StrategyDraft | None:
    """The strategy the form describes; None while a field is refused (the errors say which).
    Raises the domain's InvalidStrategy for a definition it refuses."""
    name = fields.text("name")
    if not name:
        fields.errors["name"] = "name: required"
    elif len(name) > 100:
        fields.errors["name"] = "name: at most 100 characters"
    account_id = fields.text("account_id")
    if not account_id:
        fields.errors["account_id"] = "account_id: choose one of your accounts"
    symbols = _symbols(fields, "symbols", required=False)
    kind = fields.choice("source_kind", [k.value for k in SourceKind])
    timeframe = fields.choice("timeframe", [t.value for t in Timeframe], required=False)
    pattern = fields.choice("pattern", [p.value for p in Pattern], required=False)
    source_name = fields.text("source_name") or None
    method = fields.choice("sizing_method", [m.value for m in SizingMethod])
    risk = fields.decimal("risk_fraction", required=False)
    notional = fields.decimal("notional", required=False)
    if fields.errors or kind is None or method is None:
        return None
    try:
        source = SignalSource(
            SourceKind(kind),
            frozenset(symbols),
            None if timeframe is None else Timeframe(timeframe),
            None if pattern is None else Pattern(pattern),
            source_name,
        )
        sizing = SizingPolicy(
            method=SizingMethod(method),
            risk_fraction=risk if risk is not None else SizingPolicy().risk_fraction,
            notional=notional,
        )
    except DomainError as refused:
        _refusal(fields, refused, {"sources": "symbols"})
        return None
    return StrategyDraft(name=name, account_ids=(account_id,), sources=(source,), sizing=sizing)


def _backtest_request(fields: FieldReader) -> BacktestRequest | None:
    """The run the form asks for; None while a field is refused. Raises the domain's
    InvalidBacktest for dates or symbols it refuses."""
    strategy_id = fields.text("strategy_id")
    if not strategy_id:
        fields.errors["strategy_id"] = "strategy_id: choose one of your strategies"
    start = fields.day("start")
    end = fields.day("end")
    symbols = _symbols(fields, "bt_symbols", required=True)
    source = fields.choice("source", [d.value for d in DataSource])
    cash = fields.decimal("starting_cash", required=False)
    if cash is not None and cash <= 0:
        fields.errors["starting_cash"] = "starting_cash: must be positive"
    if fields.errors or start is None or end is None or source is None:
        return None
    run = BacktestRequest(strategy_id, symbols, start, end, source=DataSource(source))
    return run if cash is None else replace(run, starting_cash=cash)
