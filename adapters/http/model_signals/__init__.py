"""The model signals context's routes: the trained signal models and their cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from litestar.di import NamedDependency

from adapters.http.contexts import HttpContext, route_modules
from application.model_signals.catalogue import SignalModelCatalogue

NAME = "model_signals"


@dataclass(frozen=True)
class ModelSignalsServices:
    """What the model signals routes call."""

    catalogue: SignalModelCatalogue


ModelSignalsDep: TypeAlias = NamedDependency[ModelSignalsServices]


controllers = route_modules(__name__, "routes")  # /models/signals


def context(services: ModelSignalsServices) -> HttpContext:
    return HttpContext(NAME, services, controllers)
