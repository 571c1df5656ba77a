"""The portfolio page's Risk section: what GET /api/v1/portfolios/{id}/risk answers.

The same use case (application/portfolio/portfolio_risk.py `PortfolioRiskService.risk`) with
the signed-in principal, answered through the API's own DTO (`LedgerRiskOut`), so every figure
is the API's for the same stored data: volatility, Sharpe, max drawdown, beta and tax drag of
the current-holdings backcast, with the conventions the API names, and the held positions'
correlation matrix (a heat-map table) with their volatilities, weights and diversification
ratio. Where a figure cannot be computed (too little stored history, a symbol without closes)
the use case's reason is shown in its place. The window, benchmark and risk-free rate are a
GET form; a refused one (422 INVALID_RISK_REQUEST) is shown beside its field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec

from adapters.http.console.analytics_view import percent, plain
from adapters.http.portfolio.portfolios_schemas import LedgerRiskOut
from adapters.http.problems import domain_status
from application.portfolio.portfolio_risk import (
    DEFAULT_BENCHMARK,
    DEFAULT_WINDOW_DAYS,
    InvalidRiskRequest,
    PortfolioRiskService,
    RiskRequest,
)
from domain.errors import DomainError
from domain.principals import Principal

FIELDS = ("window_days", "benchmark", "risk_free")
HEAT_LEVELS = 4  # |correlation| in quarters: classes corr-p0..p4 and corr-n1..n4
MAX_MATRIX_SYMBOLS = 40  # a larger matrix is the API's to read, not a page's


@dataclass(slots=True)
class RiskSection:
    """The section's form as typed, its errors by field, and the API's answer (as JSON)."""

    form: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    risk: dict[str, Any] | None = None
    figures: list[dict[str, Any]] = field(default_factory=list)
    code: str | None = None


def risk_defaults() -> dict[str, str]:
    return {"window_days": str(DEFAULT_WINDOW_DAYS), "benchmark": DEFAULT_BENCHMARK,
            "risk_free": "0"}  # fmt: skip


def heat_class(correlation: float) -> str:
    """The heat-map cell's class: the sign and |correlation| in quarters, rounded."""
    level = min(HEAT_LEVELS, round(abs(correlation) * HEAT_LEVELS))
    if level == 0:
        return "corr-p0"
    return f"corr-{'p' if correlation > 0 else 'n'}{level}"


def figures(wire: dict[str, Any]) -> list[dict[str, Any]]:
    """The headline figures as shown (percent or plain) beside the API's value."""

    def figure(key: str, label: str, text: str) -> dict[str, Any]:
        return {"id": f"risk-{key.replace('_', '-')}", "label": label, "text": text,
                "raw": wire[key]}  # fmt: skip

    vol, dd, drag = wire["volatility_annual"], wire["max_drawdown"], wire["tax_drag"]
    return [
        figure("volatility_annual", "Volatility (annual, %)", percent(vol)),
        figure("sharpe", "Sharpe ratio", plain(wire["sharpe"])),
        figure("max_drawdown", "Max drawdown (%)", percent(dd)),
        figure("beta", f"Beta to {wire['benchmark']}", plain(wire["beta"])),
        figure("tax_drag", "Tax drag (%)", percent(drag)),
    ]


def read_request(form: dict[str, str], errors: dict[str, str]) -> RiskRequest | None:
    """The request the form asks for (None with the errors by field)."""
    text = form.get("window_days", "")
    window = int(text) if text.isdigit() and len(text) <= 6 else None
    if window is None:
        errors["window_days"] = "window_days: a whole number of days"
    benchmark = form.get("benchmark", "").upper()
    try:
        risk_free = float(form.get("risk_free", "") or "0")
    except ValueError:
        risk_free = float("nan")
    if risk_free != risk_free:  # NaN: not a number as typed
        errors["risk_free"] = "risk_free: an annual fraction, e.g. 0.04"
    if errors or window is None:
        return None
    return RiskRequest(window, benchmark, risk_free)


async def risk_section(
    service: PortfolioRiskService, principal: Principal, portfolio_id: str, typed: dict[str, str]
) -> RiskSection:
    """The section for the caller's portfolio: the API's answer, or the refusal by field
    (another user's portfolio raises NotFound before this is reached)."""
    section = RiskSection({**risk_defaults(), **{k: v for k, v in typed.items() if v}})
    request = read_request(section.form, section.errors)
    if request is None:
        section.code = InvalidRiskRequest.code
        return section
    try:
        answer = await service.risk(principal, portfolio_id, request)
    except DomainError as exc:
        if domain_status(exc) != 422:
            raise
        name = exc.field if exc.field in FIELDS else "window_days"
        section.errors[name] = f"{name}: {exc.message}"
        section.code = exc.code
        return section
    wire: dict[str, Any] = msgspec.to_builtins(LedgerRiskOut.from_domain(answer))
    held = wire.get("held_correlation")
    if held is not None:
        held["heat"] = [[heat_class(c) for c in row] for row in held["correlation"]]
        held["text"] = [[plain(c, 2) for c in row] for row in held["correlation"]]
        held["weights_text"] = [percent(w) for w in held["weights"]]
        held["volatilities_text"] = [percent(v) for v in held["volatilities"]]
        held["ratio_text"] = plain(held["diversification_ratio"])
        held["portfolio_volatility_text"] = percent(held["portfolio_volatility"])
        held["shown"] = len(held["symbols"]) <= MAX_MATRIX_SYMBOLS
    section.risk = wire
    section.figures = figures(wire)
    return section
