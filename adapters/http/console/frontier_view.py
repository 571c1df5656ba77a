"""The efficient-frontier page's form, the prices it optimises on, and what it shows.

The assets are typed symbols, or the symbols one of your portfolios holds; their daily closes
(the market-data use case's bars, the last `days` + 1 of them, on the dates every symbol has)
are posted to the optimisation as `prices`, as a client of POST
/api/v1/analytics/optimization would. Figures are annual fractions shown in percent; the
chart (portfolio_analytics.js reads `data-frontier-chart`) draws the frontier's volatility
against expected return, each asset alone, and the chosen portfolio marked.
"""

from __future__ import annotations

import re
from datetime import UTC, date
from typing import Any

from adapters.http.console.analytics_view import chart_percent, percent, plain
from adapters.http.console.form_fields import FieldReader
from application.analytics.efficient_frontier import Frontier
from application.analytics.optimization import OptimizationRequest
from domain.market_data.bars import Bar

METHODS = ("min_variance", "max_sharpe", "risk_parity", "hrp")
ESTIMATORS = ("ledoit_wolf", "sample")
MIN_DAYS, MAX_DAYS = 30, 1260
MAX_SYMBOLS = 30
_SPLIT = re.compile(r"[\s,;]+")
# The use case's fields on the form's (a price or return problem is the symbols' or days').
FIELD_OF = {
    "assets": "symbols",
    "prices": "symbols",
    "returns": "symbols",
    "long_only": "long_only",
    "risk_free_rate": "risk_free_rate",
    "min_weight": "min_weight",
    "max_weight": "max_weight",
    "method": "method",
    "covariance_estimator": "covariance_estimator",
}


def frontier_defaults() -> dict[str, str]:
    return {
        "portfolio_id": "",
        "symbols": "AAPL MSFT XOM JPM JNJ",
        "days": "252",
        "method": "max_sharpe",
        "covariance_estimator": "ledoit_wolf",
        "risk_free_rate": "0.04",
        "long_only": "on",
        "min_weight": "",
        "max_weight": "",
    }


def form_field(field: str, code: str) -> str:
    if code == "INSUFFICIENT_OBSERVATIONS":
        return "days"
    if field == "bounds" or field.startswith("bounds."):
        return "max_weight"
    return FIELD_OF.get(field.split("[")[0], "symbols")


def typed_symbols(reader: FieldReader) -> list[str]:
    """The typed symbols, upper-cased, each once (an error on `symbols` when none or too many)."""
    found = list(dict.fromkeys(s.upper() for s in _SPLIT.split(reader.text("symbols")) if s))
    if not 1 <= len(found) <= MAX_SYMBOLS:
        reader.errors["symbols"] = f"symbols: 1 to {MAX_SYMBOLS} symbols, e.g. AAPL MSFT XOM"
    return found


def read_frontier_form(reader: FieldReader) -> dict[str, Any] | None:
    """Everything but the assets and prices, or None with the errors by field."""
    days = reader.integer("days")
    if days is not None and not MIN_DAYS <= days <= MAX_DAYS:
        reader.errors["days"] = f"days: {MIN_DAYS} to {MAX_DAYS} daily returns"
    method = reader.choice("method", METHODS)
    estimator = reader.choice("covariance_estimator", ESTIMATORS)
    rf = reader.decimal("risk_free_rate")
    low = reader.decimal("min_weight", required=False)
    high = reader.decimal("max_weight", required=False)
    if reader.errors or days is None or method is None or estimator is None or rf is None:
        return None
    return {
        "days": days,
        "method": method,
        "covariance_estimator": estimator,
        "risk_free_rate": float(rf),
        "long_only": reader.flag("long_only"),
        "min_weight": None if low is None else float(low),
        "max_weight": None if high is None else float(high),
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
    assets: list[str], rows: list[list[float | None]], form: dict[str, Any]
) -> OptimizationRequest:
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
    )


def frontier_answer(frontier: Frontier, days: list[date]) -> dict[str, Any]:
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
        "points": len(frontier.points),
        "chart": chart,
    }
