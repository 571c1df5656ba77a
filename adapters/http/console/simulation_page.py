"""`/console/simulation`: the Monte Carlo of one of your accounts or portfolios, its market
model fitted to the holdings' stored daily bars.

The same use case as POST /api/v1/risk/scenario-simulation (`ScenarioSimulationService.simulate`,
within the compute budget) with `account_id` or `portfolio_id`, `steps`, `paths` and `seed`, the
model left to Bulwark: one regime fitted to the assets' stored daily closes (drift, volatility,
Student-t nu, Kolmogorov-Smirnov tests of the normal and the t, the correlation matrix), or,
with fewer than 60 common daily returns, the default four-regime model and the reason. Shown:
the fit per asset, the variance reduction measured on the run (antithetic pairs, control
variates, importance sampling of the tail), VaR / CVaR and the fan chart of the value
(simulation_view.py). An account or portfolio the caller may not read answers the console's
not-found page (404); a field the use case refuses is shown beside it. It stores nothing, so
any signed-in role may simulate.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.response import Template

from adapters.http.console.analytics_view import own_portfolios, readable_accounts
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ConsolePage, page, part_or_page
from adapters.http.console.simulation_view import (
    SIMULATION_DEFAULTS,
    SOURCE_KINDS,
    form_field,
    run_view,
)
from adapters.http.contexts import bundle_of
from adapters.http.security import caller_of
from application.analytics.scenario_simulation import ScenarioRequest
from domain.errors import DomainError, NotFound

TITLE = "Simulation"


async def _context(
    request: Request[Any, Any, Any],
    form: dict[str, str],
    errors: dict[str, str],
    run: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "form": form,
        "errors": errors,
        "run": run,
        "accounts": await readable_accounts(request),
        "portfolios": await own_portfolios(request),
    }


def _read(reader: FieldReader) -> ScenarioRequest | None:
    """The run asked for, or None with the errors by field."""
    kind, _, ident = reader.text("source").partition(":")
    if kind not in SOURCE_KINDS or not ident:
        reader.errors["source"] = "source: choose one of your accounts or portfolios"
    steps = reader.integer("steps")
    paths = reader.integer("paths")
    seed = reader.integer("seed")
    if reader.errors or steps is None or paths is None or seed is None:
        return None
    return ScenarioRequest(
        account_id=ident if kind == "account" else None,
        portfolio_id=ident if kind == "portfolio" else None,
        steps=steps,
        paths=paths,
        seed=seed,
    )


class SimulationPageController(ConsolePage):
    """`/console/simulation`"""

    path = "/simulation"

    @get("/")
    async def simulation(self, request: Request[Any, Any, Any]) -> Template:
        context = await _context(request, dict(SIMULATION_DEFAULTS), {})
        return page(request, "simulation.html", title=TITLE, context=context)

    @post("/", status_code=200)
    async def simulate(self, request: Request[Any, Any, Any]) -> Template:
        reader = FieldReader(await request.form())
        asked = _read(reader)
        run, code = None, None
        if asked is not None:
            analytics = bundle_of(request, "analytics")
            if analytics is None:
                raise NotFound("the simulation is not served by this instance")
            try:
                result = await analytics.scenario_simulation.simulate(
                    caller_of(request).principal, asked
                )
            except DomainError as exc:  # 404 another's, 503 busy: the error page or the flash
                code = reader.refused(exc, form_field(exc.field))
            else:
                run = run_view(result)
        status, code = reader.outcome(code)
        form = {**SIMULATION_DEFAULTS, **reader.values}
        context = await _context(request, form, reader.errors, run)
        return part_or_page(
            request, "partials/simulation_run.html", "simulation.html", title=TITLE,
            status_code=status, code=code, context=context,
        )  # fmt: skip
