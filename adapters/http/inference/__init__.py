"""The inference context's routes: the models, sentiment and keywords (when served)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import HttpContext
from adapters.http.problems import problems_with
from application.inference.keywords import KeywordService
from application.inference.ml_models import MlModelService
from application.inference.sentiment import SentimentService
from ports.inference import InferencePort

NAME = "inference"
# The problems every inference route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403, 404, 429)


@dataclass(frozen=True)
class InferenceServices:
    """What the inference routes call."""

    inference: InferencePort
    ml_models: MlModelService
    sentiment: SentimentService
    keywords: KeywordService


InferenceDep: TypeAlias = NamedDependency[InferenceServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.inference import ml

    return ml.CONTROLLERS  # /ml/*, /sentiment


def context(services: InferenceServices) -> HttpContext:
    """The inference routes over their use cases."""
    return HttpContext(NAME, services, controllers)
