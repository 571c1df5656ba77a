"""The simulation page's form, and what it shows of a scenario run (ScenarioResult).

Figures as POST /api/v1/risk/scenario-simulation answers them, shown to fixed places: rates
(drift, volatility, returns, VaR) in percent to 4 places, Student-t nu, Kolmogorov-Smirnov
statistics, p-values, correlations and variance ratios to 4 places, standard errors in percent
to 6. The fan chart: the simulated portfolio value (the invested value x V_t / V_0) at the
run's checkpoints, x in trading days from today, the 5th to 95th percentiles with the 5-95 and
25-75 bands shaded (console.js draws `data-chart-data` with uPlot).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from adapters.http.console.analytics_view import percent, plain
from application.analytics.scenario_simulation import ScenarioResult
from domain.analytics.montecarlo.calibration import AssetFit, TailFit
from domain.analytics.montecarlo.variance_reduction import TailEstimate
from domain.analytics.risk_report import MethodRisk

# The form as first shown (strings: what the fields hold); `source` is "account:ID" or
# "portfolio:ID".
SIMULATION_DEFAULTS: dict[str, str] = {"source": "", "steps": "126", "paths": "5000", "seed": "0"}
SOURCE_KINDS = ("account", "portfolio")
# The use case's fields on the form's.
FIELD_OF = {"account_id": "source", "portfolio_id": "source", "weights": "source",
            "paths": "paths", "steps": "steps", "seed": "seed"}  # fmt: skip


def form_field(field: str | None) -> str:
    return FIELD_OF.get(field or "", "source")


def ratio(value: float | None) -> str:
    """A variance ratio to 4 places ('∞' when the reduced error is 0)."""
    if value is None:
        return "—"
    return "∞" if math.isinf(value) else plain(value)


def _tails(fit: TailFit) -> dict[str, Any]:
    return {
        "observations": fit.observations,
        "dof": plain(fit.student_t.dof),
        "ks_normal": plain(fit.ks_normal.statistic),
        "ks_normal_p": plain(fit.ks_normal.p_value),
        "ks_t": plain(fit.ks_student_t.statistic),
        "ks_t_p": plain(fit.ks_student_t.p_value),
        "lr_p": plain(fit.likelihood_ratio_p_value),
        "fat_tails": fit.fat_tails,
    }


def _asset(fit: AssetFit) -> dict[str, Any]:
    return {
        "symbol": fit.symbol,
        "drift": percent(fit.drift, 4),
        "volatility": percent(fit.volatility, 4),
        **_tails(fit.tails),
    }


def _tail(t: TailEstimate) -> dict[str, Any]:
    return {
        "confidence": percent(t.confidence, 1),
        "threshold": percent(t.threshold, 4),
        "plain": percent(t.plain_probability, 4),
        "plain_se": percent(t.plain_standard_error, 4),
        "probability": percent(t.probability, 4),
        "se": percent(t.standard_error, 4),
        "ratio": ratio(t.variance_ratio),
        "var": percent(t.var, 4),
        "cvar": percent(t.cvar, 4),
    }


def _risk(row: MethodRisk) -> dict[str, Any]:
    return {
        "method": row.method.replace("_", " "),
        "confidence": percent(row.confidence, 1),
        "var": percent(row.var, 4),
        "cvar": percent(row.cvar, 4),
    }


def calibration_view(result: ScenarioResult) -> dict[str, Any]:
    """What was fitted, on how many observations, or why nothing was."""
    outcome = result.calibration
    fit = outcome.calibration
    view: dict[str, Any] = {
        "status": outcome.status,
        "reason": outcome.reason,
        "window": outcome.window,
        "min_observations": outcome.min_observations,
        "source": outcome.source,
    }
    if fit is None:
        return view
    dof = fit.student_t_dof
    view.update(
        observations=fit.observations,
        first_day=fit.first_day,
        last_day=fit.last_day,
        assets=[_asset(a) for a in fit.assets],
        portfolio=_tails(fit.portfolio),
        correlation=[[plain(float(v)) for v in row] for row in fit.correlation],
        shrinkage=percent(fit.shrinkage, 0),
        model_dof=None if dof is None else plain(dof),
    )
    return view


def reduction_view(result: ScenarioResult) -> dict[str, Any]:
    """Standard errors of the mean horizon return with and without each technique."""
    r = result.variance_reduction
    cv = r.control_variate
    sampling, anti = r.importance_sampling, r.antithetic_standard_error
    return {
        "plain": percent(r.plain_standard_error, 6),
        "antithetic": None if anti is None else percent(anti, 6),
        "antithetic_ratio": ratio(r.antithetic_variance_ratio),
        "control": percent(cv.standard_error, 6),
        "control_before": percent(cv.plain_standard_error, 6),
        "control_ratio": ratio(cv.variance_ratio),
        "control_estimate": percent(cv.estimate, 4),
        "combined_ratio": ratio(r.combined_variance_ratio),
        "note": r.importance_note,
        "tails": [] if sampling is None else [_tail(t) for t in sampling.tails],
    }  # fmt: skip


def fan_chart(result: ScenarioResult) -> dict[str, Any]:
    """The portfolio value's percentiles per checkpoint, in money when the value is known
    (else V_t / V_0), the outer and inner bands shaded."""
    sim = result.simulation
    scale = float(result.portfolio_value) if result.portfolio_value is not None else 1.0
    names = [f"P{level:g}" for level in sim.percentile_levels]
    series = {
        name: [round(float(v) * scale, 2 if scale != 1.0 else 6) for v in row]
        for name, row in zip(names, sim.value_percentiles, strict=True)
    }
    bands = [[names[-1 - i], names[i]] for i in range(len(names) // 2)]
    x = [int(s) for s in sim.checkpoint_steps]
    return {"x": x, "time": False, "xLabel": "Trading days", "series": series, "bands": bands}


def run_view(result: ScenarioResult) -> dict[str, Any]:
    """Everything the page shows of one run (module doc)."""
    sim, report = result.simulation, result.report
    value: Decimal | None = result.portfolio_value
    return {
        "result": result,
        "value": value,
        "weights": [(a, percent(w, 4)) for a, w in zip(result.assets, result.weights, strict=True)],
        "mean_return": percent(sim.mean_return, 4),
        "mean_se": percent(sim.mean_return_standard_error, 6),
        "risk": [_risk(row) for row in report.rows],
        "calibration": calibration_view(result),
        "reduction": reduction_view(result),
        "fan": fan_chart(result),
    }
