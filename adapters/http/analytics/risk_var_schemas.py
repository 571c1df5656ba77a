"""POST /api/v1/risk/var DTOs: a series in, VaR / CVaR per method and confidence out."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Ident, Input, Output
from adapters.http.wire_format import AnalyticOut, MoneyOut
from adapters.wire.numbers import Money
from application.analytics.value_at_risk import MAX_OBSERVATIONS, VarRequest, VarResult
from domain.analytics import risk_measures as rm
from domain.analytics.risk_report import (
    DEFAULT_CONFIDENCES,
    METHODS,
    HillEstimate,
    MethodRisk,
    RiskReport,
)
from domain.risk.metrics import InvalidRiskInput

Method = Literal["historical", "parametric_normal", "cornish_fisher"]
CENT = Decimal("0.01")
ALL_METHODS: tuple[Method, ...] = ("historical", "parametric_normal", "cornish_fisher")
assert ALL_METHODS == METHODS
# Numbers, or numbers written as strings; "NaN" / "Infinity" (which JSON numbers cannot carry)
# are answered 422 naming the element, like any other non-finite or non-numeric entry.
Series = Annotated[
    list[float | str],
    msgspec.Meta(
        description=(
            f"10 to {MAX_OBSERVATIONS:,} finite numbers, oldest first (strings holding a "
            "number are read too); NaN / Infinity -> 422 naming the element"
        )
    ),
]

CONVENTIONS = {
    "sign": "outcomes: gains positive, losses negative; VaR and CVaR: losses, positive",
    "historical": "VaR = loss of the k-th worst outcome, k = ceil(n (1 - c)); CVaR = mean of "
    "the k worst (no interpolation)",
    "parametric_normal": "VaR = z_c sigma - mu, CVaR = sigma phi(z_c) / (1 - c) - mu, sample "
    "mean and standard deviation (n - 1)",
    "cornish_fisher": "normal quantile corrected for sample skewness and excess kurtosis "
    "(biased moment estimators); CVaR = tail mean of the corrected quantile",
    "horizon": "h-day figure = 1-day figure x sqrt(h) (i.i.d., zero-mean outcomes that add up)",
    "tail_index": "Hill alpha from the k largest losses, " + rm.HILL_K_RULE,
}


def floats(values: list[float | str], field: str) -> list[float]:
    """Numbers of a series; a string that is no number is 422 naming its element."""
    out: list[float] = []
    for index, value in enumerate(values):
        if isinstance(value, str):
            try:
                out.append(float(value.strip()))
            except ValueError:
                raise InvalidRiskInput(
                    f"not a number: {value[:32]!r}", field=f"{field}[{index}]"
                ) from None
        else:
            out.append(value)
    return out


class VarIn(Input):
    """Exactly one of `returns` (periodic fractions: 0.01 = +1%), `pnl` (periodic profit and
    loss in money) or `account_id` (its stored daily time-weighted returns, the last 252)."""

    returns: Series | None = None
    pnl: Series | None = None
    account_id: Ident | None = None
    confidence_levels: Annotated[
        list[float],
        msgspec.Meta(description="Each strictly between 0.5 and 1 (at most 10)"),
    ] = msgspec.field(default_factory=lambda: list(DEFAULT_CONFIDENCES))
    horizon_days: Annotated[
        int, msgspec.Meta(description="1 to 252; figures scale by sqrt(horizon_days)")
    ] = 1
    methods: Annotated[list[Method], msgspec.Meta(min_length=1, max_length=3)] = msgspec.field(
        default_factory=lambda: list(ALL_METHODS)
    )
    portfolio_value: Annotated[
        Money | None,
        msgspec.Meta(description="With `returns`: the money the fractions apply to"),
    ] = None

    def to_request(self) -> VarRequest:
        return VarRequest(
            returns=None if self.returns is None else floats(self.returns, "returns"),
            pnl=None if self.pnl is None else floats(self.pnl, "pnl"),
            account_id=self.account_id,
            confidences=self.confidence_levels,
            horizon_days=self.horizon_days,
            methods=tuple(dict.fromkeys(self.methods)),
            portfolio_value=self.portfolio_value,
        )


class RiskRowOut(Output):
    """One method at one confidence, in `unit`; `*_amount` in money when a value is known.

    `one_period_*` is the risk of one observation's period before horizon scaling: a day for
    daily returns (/risk/var), the whole simulated horizon for /risk/scenario-simulation (where
    it equals `var`/`cvar`: no scaling is applied to a simulated horizon).
    """

    method: Method
    confidence: AnalyticOut
    var: AnalyticOut
    cvar: AnalyticOut
    one_period_var: AnalyticOut
    one_period_cvar: AnalyticOut
    var_amount: MoneyOut | None = None
    cvar_amount: MoneyOut | None = None

    @classmethod
    def from_domain(cls, row: MethodRisk, value: Decimal | None) -> RiskRowOut:
        method: Method = row.method  # type: ignore[assignment]  # one of METHODS
        return cls.from_attributes(
            row,
            method=method,
            var_amount=money(row.var, value),
            cvar_amount=money(row.cvar, value),
        )


class MomentsOut(Output):
    mean: AnalyticOut
    std: AnalyticOut
    skewness: AnalyticOut
    excess_kurtosis: AnalyticOut


class HillOut(Output):
    """P(loss > x) ~ x^-alpha; xi = 1 / alpha; `k` of the `losses` largest losses used."""

    alpha: AnalyticOut
    xi: AnalyticOut
    k: int
    losses: int
    k_rule: str

    @classmethod
    def from_domain(cls, tail: HillEstimate | None) -> HillOut | None:
        if tail is None:
            return None
        return cls.from_attributes(tail)


def money(figure: float, value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(repr(figure)) * value).quantize(CENT, rounding=ROUND_HALF_EVEN)


def report_fields(report: RiskReport, value: Decimal | None) -> dict[str, object]:
    """The fields a VaR report shares with the scenario simulation's."""
    return {
        "observations": report.observations,
        "risk": [RiskRowOut.from_domain(row, value) for row in report.rows],
        "moments": MomentsOut.from_attributes(report.moments),
        "tail_index": HillOut.from_domain(report.tail),
        "worst": report.worst,
        "best": report.best,
    }


class VarOut(Output):
    """`unit` fraction: returns in, loss fractions out (and money on `portfolio_value`);
    `unit` money: P&L in, money out. `conventions` names every definition used."""

    source: Literal["returns", "pnl", "stored"]
    unit: Literal["fraction", "money"]
    account_id: str | None
    portfolio_value: MoneyOut | None
    horizon_days: int
    observations: int
    risk: list[RiskRowOut]
    moments: MomentsOut
    tail_index: HillOut | None
    worst: AnalyticOut
    best: AnalyticOut
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, result: VarResult) -> VarOut:
        value = result.portfolio_value if result.unit == "fraction" else Decimal(1)
        fields = report_fields(result.report, value)
        return cls(
            source=result.source,
            unit=result.unit,
            account_id=result.account_id,
            portfolio_value=result.portfolio_value,
            horizon_days=result.report.horizon,
            conventions=CONVENTIONS,
            **fields,  # type: ignore[arg-type]
        )
