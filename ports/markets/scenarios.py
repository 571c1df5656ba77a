"""HistoricalScenarioPort: the historical replays (macro moves of past crises, with their
sources) and the default factor model (volatilities and correlations) scenarios use.

The file adapter (adapters/marketfiles/scenarios.py) reads one JSON document
(data/scenarios/historical.json unless BULWARK_SCENARIOS_DIR names another directory).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from domain.analytics.scenarios.factors import CorrelationModel, Factor
from domain.errors import NotFound


@dataclass(frozen=True, slots=True)
class HistoricalReplay:
    """A past episode's factor moves from `start` to `end` (units of factors.py), with the
    series and dates they were read from."""

    name: str  # "2008-09"
    title: str
    start: date
    end: date
    shocks: Mapping[Factor, float]
    sources: tuple[str, ...]
    notes: str = ""


@dataclass(frozen=True, slots=True)
class FactorModelSource:
    """The default correlation model and where its figures come from."""

    model: CorrelationModel
    horizon: str  # what the volatilities are over ("one year")
    source: str


class UnknownReplay(NotFound):
    code = "UNKNOWN_SCENARIO"


class HistoricalScenarioPort(Protocol):
    """`replays()`: every replay, in the file's order. `factor_model()`: the default model, or
    None when the source has none. DataSourceUnavailable when the file cannot be read."""

    name: str

    async def replays(self) -> list[HistoricalReplay]: ...

    async def factor_model(self) -> FactorModelSource | None: ...
