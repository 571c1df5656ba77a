"""Model signals: where trained signal models are kept and how their rows are batched."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Section


class ModelSignalSettings(Section, frozen=True, kw_only=True):
    """Signal models (docs/model-signals.md)."""

    env_prefix: ClassVar[str] = "model_signals_"

    # Model signals (docs/model-signals.md): the folder `bulwark models train-signal` writes
    # each model and its card to (<name>.onnx, <name>.card.json) and the service serves from;
    # the scorer's batch (rows per model call) and how long a lone caller waits for company.
    dir: str = "var/models/signals"
    max_batch: Annotated[int, msgspec.Meta(ge=1, le=65_536)] = 4096
    wait_ms: Annotated[float, msgspec.Meta(ge=0, le=1000)] = 1.0
    # How often the service looks for a closed bar of the models active strategies follow and
    # feeds their signals to the strategy engine (0: never; the feed can still be called).
    live_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 0.0
