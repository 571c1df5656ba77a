"""The model signals context's routes: the trained signal models and their cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from application.model_signals.catalogue import SignalModelCatalogue

NAME = "model_signals"


@dataclass(frozen=True)
class ModelSignalsServices:
    """What the model signals routes call."""

    catalogue: SignalModelCatalogue


ModelSignalsDep: TypeAlias = NamedDependency[ModelSignalsServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.model_signals import routes

    return routes.CONTROLLERS  # /models/signals


context = context_over(NAME, ModelSignalsServices, controllers)
