"""Historical replays and the default factor model from a JSON file as a
HistoricalScenarioPort (offline; BULWARK_SCENARIOS_DIR/historical.json).

{"replays": [{"name", "title", "start", "end", "shocks": {factor: move}, "sources": [...],
"notes"}], "factor_model": {"horizon", "source", "volatilities": {factor: vol},
"correlations": [[...] x 5]}}; factors and units as in domain/analytics/scenarios/factors.py.
Anything malformed is DataSourceUnavailable naming the file and the entry (503).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from adapters.marketfiles.cached import CachedFile
from domain.analytics.scenarios.factors import (
    Factor,
    InvalidScenario,
    check_shock,
    correlation_model,
)
from ports.markets.data_files import DataSourceUnavailable
from ports.markets.scenarios import FactorModelSource, HistoricalReplay

_Parsed = tuple[list[HistoricalReplay], FactorModelSource | None]


class FileScenarios:
    """HistoricalScenarioPort over `directory`/historical.json."""

    name = "file"

    def __init__(self, directory: str | Path) -> None:
        self._file = CachedFile(Path(directory) / "historical.json", _parse)

    async def replays(self) -> list[HistoricalReplay]:
        return list((await self._file.get())[0])

    async def factor_model(self) -> FactorModelSource | None:
        return (await self._file.get())[1]


def _parse(text: str, name: str) -> _Parsed:
    try:
        body = json.loads(text)
    except ValueError:
        raise DataSourceUnavailable(f"{name}: not JSON") from None
    if not isinstance(body, dict) or not isinstance(body.get("replays"), list):
        raise DataSourceUnavailable(f'{name}: expected {{"replays": [...]}}')
    replays = [_replay(entry, f"{name}: replays[{i}]") for i, entry in enumerate(body["replays"])]
    names = [r.name for r in replays]
    if len(set(names)) != len(names):
        raise DataSourceUnavailable(f"{name}: two replays share a name")
    model = body.get("factor_model")
    return replays, None if model is None else _model(model, f"{name}: factor_model")


def _replay(entry: Any, where: str) -> HistoricalReplay:
    try:
        shocks = {
            Factor(k): check_shock(Factor(k), float(v), k) for k, v in dict(entry["shocks"]).items()
        }
        return HistoricalReplay(
            name=str(entry["name"]),
            title=str(entry["title"]),
            start=date.fromisoformat(entry["start"]),
            end=date.fromisoformat(entry["end"]),
            shocks=shocks,
            sources=tuple(str(s) for s in entry.get("sources", ())),
            notes=str(entry.get("notes", "")),
        )
    except (KeyError, TypeError, ValueError, InvalidScenario) as error:
        raise DataSourceUnavailable(f"{where}: malformed ({type(error).__name__})") from None


def _model(entry: Any, where: str) -> FactorModelSource:
    try:
        vols = {Factor(k): float(v) for k, v in dict(entry["volatilities"]).items()}
        model = correlation_model(vols, [[float(x) for x in row] for row in entry["correlations"]])
        return FactorModelSource(model, str(entry["horizon"]), str(entry["source"]))
    except (KeyError, TypeError, ValueError, InvalidScenario) as error:
        raise DataSourceUnavailable(f"{where}: malformed ({type(error).__name__})") from None
