"""`/console/stress`: macro shocks, historical replays and the bank-run liquidity stress of one
of your stored portfolios or accounts.

The same use cases as POST /api/v1/analytics/scenarios/shock and /liquidity
(application/markets/scenarios.py `ScenarioService.shock` / `stored_liquidity`) with the
signed-in principal, answered through the API's own DTOs (`ShockOut`, `LiquidityOut`), so every
figure is the API's for the same stored holdings. A shock reprices a portfolio (the API's
`portfolio_id`; an account takes the liquidity stress); the results table gives each
scenario's P&L, its share of the gross value, the split by factor, the hedge sufficiency and
the recovery, and a bar chart draws the P&L per scenario when there are several. The
liquidity stress lists each asset with its terms and each day's cash raised against the
obligations, and charts the two accumulated. Nothing is stored: every role, the viewer
included, may ask. A field the form or the use case refuses is shown beside it (422;
`X-Bulwark-Status` for htmx); another user's portfolio or account is the not-found page.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, get, post
from litestar.params import FromQuery
from litestar.response import Template

from adapters.http.console.analytics_view import chart_percent, own_portfolios, percent, plain
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ConsolePage, page, part_or_page
from adapters.http.console.stress_forms import (
    CUSTOM_NAME,
    SENSITIVITIES,
    StressAsk,
    form_field,
    read_stress,
    stress_defaults,
)
from adapters.http.contexts import bundle_of
from adapters.http.markets.stress_schemas import LiquidityOut, ShockOut
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from application.markets.scenarios import ReplayCatalog, ScenarioService
from domain.analytics.scenarios.factors import Factor
from domain.errors import DomainError, NotFound
from domain.principals import Principal
from ports.markets.scenarios import UnknownReplay

TITLE = "Stress"
PATH = "/console/stress"


def _scenarios(request: Request[Any, Any, Any]) -> ScenarioService:
    markets = bundle_of(request, "markets")
    if markets is None:
        raise NotFound("stress scenarios are not served by this instance")
    service: ScenarioService = markets.scenarios
    return service


async def _sources(request: Request[Any, Any, Any]) -> list[tuple[str, str]]:
    """Your portfolios and the trading accounts you may read, as the form's choices."""
    found = [(f"portfolio:{p.id}", f"portfolio {p.name} ({p.base_currency})")
             for p in await own_portfolios(request)]  # fmt: skip
    trading = bundle_of(request, "trading")
    if trading is not None:
        accounts = await trading.accounts.list_accounts(caller_of(request).principal)
        found += [(f"account:{a.id}", f"account {a.name or a.id} ({a.currency})")
                  for a in accounts]  # fmt: skip
    return found


def shock_answer(out: ShockOut) -> dict[str, Any]:
    """The shock's wire answer with the figures shown in percent and the P&L chart."""
    wire: dict[str, Any] = msgspec.to_builtins(out)
    for s in wire["scenarios"]:
        s["pnl_percent"] = percent(s["pnl_fraction"])
        s["hedge_percent"] = percent(s["hedge_sufficiency"])
        s["mahalanobis_text"] = plain(s["mahalanobis"], 2)
        s["moves"] = {f.value: _move(f, s["shocks"][f.value]) for f in Factor}
    names = [s["name"] for s in wire["scenarios"]]
    chart = None
    if len(names) > 1:
        chart = {"labels": names, "series": {"P&L of gross value": [
            chart_percent(s["pnl_fraction"]) for s in wire["scenarios"]]}}  # fmt: skip
    least = percent(wire["min_hedge_sufficiency"])
    return {"kind": "shock", "out": wire, "chart": chart, "min_hedge_percent": least}


def _move(factor: Factor, value: float) -> str:
    if factor in (Factor.RATES, Factor.CREDIT):
        return f"{plain(value, 0)} bp"
    return f"{percent(value)} %"


def liquidity_answer(out: LiquidityOut) -> dict[str, Any]:
    """The liquidity stress's wire answer and its chart (raised and owed, accumulated)."""
    wire: dict[str, Any] = msgspec.to_builtins(out)
    days = wire["days"]
    chart = None
    if len(days) > 1:
        chart = {
            "x": [d["day"] for d in days], "time": False, "xLabel": "Day",
            "series": {
                "Cash raised (cumulative)": [float(d["cumulative_raised"]) for d in days],
                "Obligations (cumulative)": [float(d["cumulative_obligations"]) for d in days],
            },
        }  # fmt: skip
    coverage = wire["coverage"]
    return {"kind": "liquidity", "out": wire, "chart": chart,
            "coverage_text": plain(coverage, 4) if coverage is not None else "—"}  # fmt: skip


async def _answer(
    request: Request[Any, Any, Any], principal: Principal, ask: StressAsk
) -> dict[str, Any]:
    service = _scenarios(request)
    if ask.shock is not None:
        if ask.kind == "account":
            trading = bundle_of(request, "trading")
            if trading is not None:
                await trading.accounts.account(principal, ask.source_id)  # 404 when not yours
            raise _OnAccount()
        return shock_answer(ShockOut.from_report(await service.shock(principal, ask.shock)))
    portfolio_id = ask.source_id if ask.kind == "portfolio" else None
    account_id = ask.source_id if ask.kind == "account" else None
    stored = await service.stored_liquidity(
        principal, portfolio_id=portfolio_id, account_id=account_id, terms=None,
        obligations=ask.obligations, run=ask.run,
    )  # fmt: skip
    return liquidity_answer(LiquidityOut.from_domain(stored.stress, stored))


class _OnAccount(Exception):
    """A shock asked of an account: the API shocks portfolios only."""


async def stress(
    request: Request[Any, Any, Any], reader: FieldReader, replays: list[str]
) -> tuple[dict[str, Any] | None, str | None]:
    """The answer, or None with the errors by field and the refusal's code (another user's
    portfolio or account, an unserved context or a busy budget raised)."""
    ask = read_stress(reader, replays)
    if ask is None:
        return None, None
    try:
        return await _answer(request, caller_of(request).principal, ask), None
    except _OnAccount:
        reader.errors["source"] = (
            "source: macro shocks and replays reprice a portfolio; an account takes the bank "
            "run or the obligations"
        )
        return None, "INVALID_SCENARIO"
    except UnknownReplay as exc:
        reader.errors["scenario"] = f"scenario: {exc.message}"
        return None, exc.code
    except DomainError as exc:
        if domain_status(exc) != 422:
            raise
        name = form_field(exc.field or "")
        reader.errors[name] = f"{exc.field or name}: {exc.message}"
        return None, exc.code


async def _context(
    request: Request[Any, Any, Any],
    catalog: ReplayCatalog,
    form: dict[str, str],
    errors: dict[str, str],
    answer: dict[str, Any] | None,
) -> dict[str, Any]:
    scenarios = [("replay:all", "every historical replay")]
    scenarios += [(f"replay:{r.name}", f"replay {r.name}: {r.title}") for r in catalog.replays]
    scenarios += [("custom", f"{CUSTOM_NAME}: the macro moves typed below"),
                  ("run", "liquidity: a bank run"),
                  ("obligations", "liquidity: obligations a day")]  # fmt: skip
    return {
        "form": form,
        "errors": errors,
        "answer": answer,
        "sources": [("", "choose…"), *await _sources(request)],
        "scenarios": scenarios,
        "factors": [f.value for f in Factor],
        "sensitivities": SENSITIVITIES,
        "replays": catalog.replays,
        "catalog_source": catalog.source,
    }


class StressPageController(ConsolePage):
    """`/console/stress` and its form."""

    path = "/stress"

    @get("/")
    async def stress_page(
        self, request: Request[Any, Any, Any], source: FromQuery[str] = ""
    ) -> Template:
        form = {**stress_defaults(), "source": source[:80]}
        catalog = await _scenarios(request).catalog()
        context = await _context(request, catalog, form, {}, None)
        return page(request, "stress.html", title=TITLE, context=context)

    @post("/", status_code=200)
    async def run_stress(self, request: Request[Any, Any, Any]) -> Template:
        reader = FieldReader(await request.form())
        catalog = await _scenarios(request).catalog()
        answer, code = await stress(request, reader, [r.name for r in catalog.replays])
        status, code = reader.outcome(code)
        form = {**stress_defaults(), **reader.values}
        context = await _context(request, catalog, form, reader.errors, answer)
        return part_or_page(
            request, "partials/stress_answer.html", "stress.html", title=TITLE,
            status_code=status, code=code, context=context,
        )  # fmt: skip
