"""The efficient-frontier page's form, the prices it optimises on, and what it shows.

The assets are typed symbols, whose daily closes (the market-data use case's bars, the last
`days` + 1 of them, on the dates every symbol has) are posted to the optimisation as `prices`,
as a client of POST /api/v1/analytics/optimization would; or one of your portfolios or
accounts, posted as `portfolio_id` / `account_id` with `start` and `end`: the use case reads
its holdings (the current weights, for the turnover) and the bar store's closes. Every method
the API offers, with its own fields (risk budgets, Black-Litterman's equilibrium and views,
mean-CVaR's target or aversion, min CVaR's confidence) and the constraints (per-asset bounds,
sector limits, a turnover limit, a tracking-error cap against a benchmark) typed as text
(frontier_constraints.py). Figures are annual fractions shown in percent; the chart
(portfolio_analytics.js reads `data-frontier-chart`) draws the frontier's volatility against
expected return, each asset alone, and the chosen portfolio marked.
"""

from __future__ import annotations

import re
from datetime import UTC, date
from typing import Any

from adapters.http.console import frontier_constraints as typed
from adapters.http.console.analytics_view import chart_percent, percent, plain
from adapters.http.console.form_fields import FieldReader
from application.analytics.efficient_frontier import Frontier
from application.analytics.optimization import OptimizationRequest
from application.analytics.optimization_inputs import StoredSource
from domain.analytics.optimization.problem import Method
from domain.market_data.bars import Bar

METHODS = tuple(m.value for m in Method)
DEFAULT_CONFIDENCE = 0.95  # min CVaR's and mean-CVaR's, as the API's
DEFAULT_TAU = 0.05  # Black-Litterman's
ESTIMATORS = ("ledoit_wolf", "sample")
MIN_DAYS, MAX_DAYS = 30, 1260
MAX_SYMBOLS = 30
_SPLIT = re.compile(r"[\s,;]+")
# The use case's fields on the form's (a price or return problem is the symbols' or days'; a
# stored one's, its range's).
FIELD_OF = {
    "assets": "symbols",
    "prices": "symbols",
    "returns": "symbols",
    "covariance": "symbols",
    "long_only": "long_only",
    "risk_free_rate": "risk_free_rate",
    "min_weight": "min_weight",
    "max_weight": "max_weight",
    "method": "method",
    "covariance_estimator": "covariance_estimator",
    "portfolio_id": "portfolio_id",
    "account_id": "account_id",
    "start": "start",
    "end": "end",
    "sectors": "sectors",
    "sector_limits": "sector_limits",
    "current_weights": "current_weights",
    "max_turnover": "max_turnover",
    "benchmark": "benchmark",
    "max_tracking_error": "max_tracking_error",
    "risk_budgets": "risk_budgets",
    "confidence": "confidence",
    "market_weights": "market_weights",
    "market_caps": "market_weights",
    "views": "views",
    "tau": "tau",
    "risk_aversion": "risk_aversion",
    "target_return": "target_return",
    "expected_returns": "symbols",
}
# Free-text fields, kept as typed (textareas).
TEXT_FIELDS = ("bounds", "sectors", "sector_limits", "current_weights", "benchmark",
               "risk_budgets", "market_weights", "views")  # fmt: skip


def frontier_defaults() -> dict[str, str]:
    return {
        "portfolio_id": "",
        "account_id": "",
        "symbols": "AAPL MSFT XOM JPM JNJ",
        "days": "252",
        "start": "",
        "end": "",
        "method": "max_sharpe",
        "covariance_estimator": "ledoit_wolf",
        "risk_free_rate": "0.04",
        "long_only": "on",
        "min_weight": "",
        "max_weight": "",
        "max_turnover": "",
        "max_tracking_error": "",
        "confidence": "0.95",
        "tau": "0.05",
        "risk_aversion": "",
        "target_return": "",
        **dict.fromkeys(TEXT_FIELDS, ""),
    }


def form_field(field: str, code: str, typed_bounds: bool = False) -> str:
    """The form's field for the use case's `field` (`views[0].weights` -> views, ...)."""
    if code == "INSUFFICIENT_OBSERVATIONS":
        return "days"
    if field == "bounds" or field.startswith("bounds."):
        return "bounds" if typed_bounds else "max_weight"
    head = re.split(r"[.\[]", field, maxsplit=1)[0]
    return FIELD_OF.get(head, "symbols")


def typed_symbols(reader: FieldReader) -> list[str]:
    """The typed symbols, upper-cased, each once (an error on `symbols` when none or too many)."""
    found = list(dict.fromkeys(s.upper() for s in _SPLIT.split(reader.text("symbols")) if s))
    if not 1 <= len(found) <= MAX_SYMBOLS:
        reader.errors["symbols"] = f"symbols: 1 to {MAX_SYMBOLS} symbols, e.g. AAPL MSFT XOM"
    return found


def _optional(reader: FieldReader, name: str) -> float | None:
    value = reader.decimal(name, required=False)
    return None if value is None else float(value)


def read_frontier_form(reader: FieldReader, *, stored: bool) -> dict[str, Any] | None:
    """Everything but the assets and prices, or None with the errors by field: `days` for
    typed symbols, `start` and `end` for a stored portfolio or account."""
    days = start = end = None
    if stored:
        start, end = reader.day("start"), reader.day("end")
    else:
        days = reader.integer("days")
        if days is not None and not MIN_DAYS <= days <= MAX_DAYS:
            reader.errors["days"] = f"days: {MIN_DAYS} to {MAX_DAYS} daily returns"
    method = reader.choice("method", METHODS)
    estimator = reader.choice("covariance_estimator", ESTIMATORS)
    rf = reader.decimal("risk_free_rate")
    figures = {
        name: _optional(reader, name)
        for name in ("min_weight", "max_weight", "max_turnover", "max_tracking_error",
                     "risk_aversion", "target_return")
    }  # fmt: skip
    confidence, tau = _optional(reader, "confidence"), _optional(reader, "tau")
    parts = {
        "bounds": typed.limits(reader, "bounds", upper=True),
        "sector_limits": typed.limits(reader, "sector_limits", upper=False),
        "sectors": typed.sectors(reader),
        "current_weights": typed.weights(reader, "current_weights"),
        "benchmark": typed.weights(reader, "benchmark"),
        "risk_budgets": typed.weights(reader, "risk_budgets"),
        "market_weights": typed.weights(reader, "market_weights"),
        "views": typed.views(reader),
    }
    if reader.errors or method is None or estimator is None or rf is None:
        return None
    return {
        "days": days,
        "start": start,
        "end": end,
        "method": method,
        "covariance_estimator": estimator,
        "risk_free_rate": float(rf),
        "long_only": reader.flag("long_only"),
        "confidence": DEFAULT_CONFIDENCE if confidence is None else confidence,
        "tau": DEFAULT_TAU if tau is None else tau,
        **figures,
        **parts,
    }


def aligned_prices(bars: dict[str, tuple[Bar, ...]]) -> tuple[list[date], list[list[float | None]]]:
    """The days every symbol has a close on, oldest first, and one row of closes a day."""
    closes = {
        symbol: {b.start.astimezone(UTC).date(): float(b.close) for b in found}
        for symbol, found in bars.items()
    }
    days = sorted(set.intersection(*(set(c) for c in closes.values()))) if closes else []
    rows: list[list[float | None]] = [[closes[s][d] for s in bars] for d in days]
    return days, rows


def frontier_request(
    assets: list[str], rows: list[list[float | None]] | None, form: dict[str, Any]
) -> OptimizationRequest:
    """The request of typed symbols (`rows`: their closes), or of a stored portfolio or
    account (`form` names it; `rows` None: the use case reads its closes)."""
    return OptimizationRequest(
        method=form["method"],
        assets=assets,
        prices=rows,
        covariance_estimator=form["covariance_estimator"],
        periods_per_year=252,
        risk_free_rate=form["risk_free_rate"],
        long_only=form["long_only"],
        min_weight=form["min_weight"],
        max_weight=form["max_weight"],
        bounds=form["bounds"],
        risk_budgets=form["risk_budgets"],
        confidence=form["confidence"],
        sectors=form["sectors"],
        sector_limits=form["sector_limits"],
        current_weights=form["current_weights"],
        max_turnover=form["max_turnover"],
        benchmark=form["benchmark"],
        max_tracking_error=form["max_tracking_error"],
        market_weights=form["market_weights"],
        views=form["views"],
        tau=form["tau"],
        risk_aversion=form["risk_aversion"],
        target_return=form["target_return"],
        portfolio_id=form.get("portfolio_id"),
        account_id=form.get("account_id"),
        start=form["start"],
        end=form["end"],
    )


def _optional_percent(values: Any, i: int) -> str | None:
    return None if values is None else percent(float(values[i]))


def frontier_answer(
    frontier: Frontier, days: list[date], source: StoredSource | None = None
) -> dict[str, Any]:
    """The weights table, the portfolio's measures and the chart's data (module doc)."""
    r = frontier.chosen
    m = r.measures
    mu = r.asset_expected_return
    weights = [
        {
            "asset": name,
            "weight": percent(float(r.weights[i])),
            "lower": percent(float(r.bounds.lower[i])),
            "upper": percent(float(r.bounds.upper[i])),
            "risk": percent(float(m.risk_contributions[i])),
            "volatility": percent(float(r.asset_volatility[i])),
            "expected_return": None if mu is None else percent(float(mu[i])),
            "current": _optional_percent(r.current, i),
            "benchmark": _optional_percent(r.benchmark, i),
            "budget": _optional_percent(r.budgets, i),
            "equilibrium": None
            if r.black_litterman is None
            else percent(float(r.black_litterman.posterior.equilibrium[i])),
        }
        for i, name in enumerate(r.assets)
    ]
    chart = {
        "frontier": [
            [chart_percent(p.volatility), chart_percent(p.expected_return)] for p in frontier.points
        ],
        "chosen": [chart_percent(m.volatility), chart_percent(m.expected_return)],
        "chosenLabel": r.method.value.replace("_", " "),
        "assets": [
            {
                "name": name,
                "x": chart_percent(float(r.asset_volatility[i])),
                "y": None if mu is None else chart_percent(float(mu[i])),
            }
            for i, name in enumerate(r.assets)
        ],
    }
    return {
        "result": r,
        "weights": weights,
        "volatility": percent(m.volatility),
        "expected_return": percent(m.expected_return),
        "sharpe": plain(m.sharpe_ratio),
        "effective_assets": plain(m.effective_assets, 2),
        "diversification": plain(m.diversification_ratio),
        "shrinkage": plain(r.covariance.shrinkage),
        "first_day": days[0] if days else None,
        "last_day": days[-1] if days else None,
        "turnover": None if r.turnover is None else percent(r.turnover),
        "tracking_error": None if r.tracking_error is None else percent(r.tracking_error),
        "source": source,
        "points": len(frontier.points),
        "chart": chart,
    }
