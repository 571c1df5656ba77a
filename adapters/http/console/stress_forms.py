"""The Stress page's form: which stored holdings, which scenario, and its parameters, read
into the requests the API's scenario routes make (adapters/http/markets/stress.py), and the
use case's refusals put back beside the form's fields.

- `source`: `portfolio:<id>` (a ledger portfolio of yours) or `account:<id>` (a trading
  account you may read).
- `scenario`: `replay:all` (every historical replay), `replay:<name>`, `custom` (the macro
  moves typed in `shock_*`), on a portfolio (the API shocks a portfolio, not an account) with
  the sensitivities typed for every held position; or the liquidity stress of either source:
  `run` (a bank run: deposits withdrawn at a daily rate) or `obligations` (an amount a day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from adapters.http.console.form_fields import FieldReader
from application.markets.scenarios import ScenarioInput, ShockRequest
from domain.analytics.scenarios.factors import Factor
from domain.analytics.scenarios.repricing import Sensitivities

SOURCE_KINDS = ("portfolio", "account")
LIQUIDITY = ("run", "obligations")
SENSITIVITIES = ("beta_equity", "duration", "convexity", "beta_oil", "beta_usd",
                 "spread_duration")  # fmt: skip
CUSTOM_NAME = "Custom"
_SPLIT = re.compile(r"[\s,;]+")
_INDEXED = re.compile(r"^[a-z_]+\[\d+\]\.?")


@dataclass(frozen=True, slots=True)
class StressAsk:
    """What the form asks: the source and either a shock or a liquidity stress."""

    kind: str  # "portfolio" or "account"
    source_id: str
    shock: ShockRequest | None = None
    obligations: list[Decimal] | None = None
    run: tuple[Decimal, Decimal, int] | None = None


def stress_defaults() -> dict[str, str]:
    form = {"source": "", "scenario": "replay:all", "hedges": "", "expected_return": "",
            "fill_missing": "", "run_deposits": "", "run_daily_rate": "0.1", "run_days": "10",
            "obligations": ""}  # fmt: skip
    form.update({f"shock_{f.value}": "" for f in Factor})
    form.update({name: "1" if name == "beta_equity" else "0" for name in SENSITIVITIES})
    return form


def _float(reader: FieldReader, name: str, *, required: bool = True) -> float | None:
    value = reader.decimal(name, required=required)
    return None if value is None else float(value)


def _source(reader: FieldReader) -> tuple[str, str] | None:
    kind, _, ident = reader.text("source").partition(":")
    if kind not in SOURCE_KINDS or not ident:
        reader.errors["source"] = "source: choose one of your portfolios or accounts"
        return None
    return kind, ident[:64]


def _shock(reader: FieldReader, scenario: str, portfolio_id: str) -> ShockRequest | None:
    values = {name: _float(reader, name) for name in SENSITIVITIES}
    expected = _float(reader, "expected_return", required=False)
    scenarios: list[ScenarioInput] = []
    replays: list[str] = []
    if scenario == "custom":
        moves = {}
        for factor in Factor:
            move = _float(reader, f"shock_{factor.value}", required=False)
            if move is not None:
                moves[factor.value] = move
        if not moves and not reader.errors:
            reader.errors["shock_equity"] = "shock: type at least one factor's move"
        scenarios.append(ScenarioInput(CUSTOM_NAME, moves))
    else:
        replays.append(scenario.removeprefix("replay:"))
    if reader.errors:
        return None
    hedges = frozenset(s.upper()[:32] for s in _SPLIT.split(reader.text("hedges")) if s)
    return ShockRequest(
        scenarios=scenarios, replays=replays, portfolio_id=portfolio_id,
        default_sensitivities=Sensitivities(**{k: v or 0.0 for k, v in values.items()}),
        hedges=hedges, fill_missing=reader.flag("fill_missing"), expected_return=expected,
    )  # fmt: skip


def _amounts(reader: FieldReader) -> list[Decimal] | None:
    amounts = []
    for index, word in enumerate(w for w in _SPLIT.split(reader.text("obligations")) if w):
        try:
            amount = Decimal(word.replace("_", ""))
        except ArithmeticError:
            amount = Decimal("NaN")
        if not amount.is_finite():
            reader.errors["obligations"] = f"obligations: day {index + 1} is not an amount"
            return None
        amounts.append(amount)
    if not amounts:
        reader.errors["obligations"] = "obligations: one amount a day, e.g. 10000 5000"
        return None
    return amounts


def read_stress(reader: FieldReader, replays: list[str]) -> StressAsk | None:
    """The stress the form asks for (None with the errors by field)."""
    source = _source(reader)
    allowed = ["replay:all", *(f"replay:{r}" for r in replays), "custom", *LIQUIDITY]
    scenario = reader.choice("scenario", allowed)
    if source is None or scenario is None:
        return None
    kind, ident = source
    if scenario == "run":
        deposits = reader.decimal("run_deposits")
        rate = reader.decimal("run_daily_rate")
        days = reader.integer("run_days")
        if deposits is None or rate is None or days is None:
            return None
        return StressAsk(kind, ident, run=(deposits, rate, days))
    if scenario == "obligations":
        amounts = _amounts(reader)
        return None if amounts is None else StressAsk(kind, ident, obligations=amounts)
    shock = _shock(reader, scenario, ident)
    return None if shock is None else StressAsk(kind, ident, shock=shock)


def form_field(field: str) -> str:
    """The form field beside which the use case's refusal of `field` is shown."""
    if field in ("portfolio_id", "account_id", "assets") or field.startswith("liquidity"):
        return "source"
    if field.startswith("run."):
        return "run_" + field.removeprefix("run.")
    if field.startswith("obligations"):
        return "obligations"
    if field == "expected_return":
        return field
    if field.startswith(("correlation", "volatilities")):
        return "fill_missing"
    tail = _INDEXED.sub("", field)  # scenarios[0].shocks.equity, positions[2].duration
    if tail.startswith("shocks."):
        factor = tail.removeprefix("shocks.")
        return f"shock_{factor}" if factor in {f.value for f in Factor} else "shock_equity"
    if tail == "shocks":
        return "shock_equity"
    if tail in SENSITIVITIES:
        return tail
    if field in ("sensitivities", "positions"):
        return "beta_equity"
    return "scenario"
