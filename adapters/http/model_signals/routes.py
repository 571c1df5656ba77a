"""/api/v1/models/signals and /models/signals/{name}: trained signal models with their cards
(docs/model-signals.md). A catalogue shared by every user: nothing in it is a user's."""

from __future__ import annotations

from datetime import datetime

from litestar import Controller, get
from litestar.params import FromPath

from adapters.http.model_signals import ModelSignalsDep
from adapters.http.problems import problem_responses
from adapters.http.schemas.common import Output
from adapters.http.security import READERS_AND_AGENTS, require_roles
from adapters.http.wire_format import AnalyticOut
from domain.model_signals.card import SignalModelCard


class FoldOut(Output):
    fold: int
    train_rows: int
    test_rows: int
    hit_rate: AnalyticOut
    ic: AnalyticOut


class SignalModelOut(Output):
    name: str
    version: str
    kind: str
    features: list[str]
    horizon_bars: int
    timeframe: str
    symbols: list[str]
    train_from: datetime
    train_to: datetime
    trained_at: datetime
    rows: int
    data_hash: str
    onnx_sha256: str
    score_scale: AnalyticOut
    mean_hit_rate: AnalyticOut
    mean_ic: AnalyticOut
    folds: list[FoldOut]

    @classmethod
    def from_domain(cls, card: SignalModelCard) -> SignalModelOut:
        return cls.from_attributes(
            card,
            features=list(card.features),
            horizon_bars=card.horizon,
            symbols=list(card.symbols),
            folds=[FoldOut.from_attributes(f) for f in card.folds],
        )


class SignalModelsOut(Output):
    models: list[SignalModelOut]


class SignalModelsController(Controller):
    path = "/models/signals"

    @get(
        "",
        summary="The trained signal models with their cards",
        description="Each model `bulwark models train-signal` saved: the features it reads, "
        "its training window and bars' hash, and its walk-forward metrics per fold (hit "
        "rate, IC).",
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problem_responses(401, 403, 429),
    )
    async def list_signal_models(self, model_signals: ModelSignalsDep) -> SignalModelsOut:
        return SignalModelsOut(
            models=[SignalModelOut.from_domain(c) for c in model_signals.catalogue.list()]
        )

    @get(
        "/{name:str}",
        summary="One signal model's card",
        description="404 UNKNOWN_SIGNAL_MODEL for a name that is not stored.",
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problem_responses(401, 403, 404, 429),
    )
    async def get_signal_model(
        self, name: FromPath[str], model_signals: ModelSignalsDep
    ) -> SignalModelOut:
        return SignalModelOut.from_domain(model_signals.catalogue.get(name))


CONTROLLERS = [SignalModelsController]
