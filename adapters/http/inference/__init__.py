"""The inference context's routes: the models, sentiment and keywords (409
CAPABILITY_NOT_CONFIGURED where inference is turned off)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import HttpContext, context_over, unconfigured_context
from adapters.http.problems import NOT_CONFIGURED, problems_with
from application.inference.keywords import KeywordService
from application.inference.ml_models import MlModelService
from application.inference.sentiment import SentimentService
from domain.errors import CapabilityNotConfigured
from ports.inference.inference import InferencePort

NAME = "inference"
# The problems every inference route documents; a route adds its own: `problems(404, ...)`.
# 409: CAPABILITY_NOT_CONFIGURED where BULWARK_INFERENCE_ENABLED=false.
problems = problems_with(401, 403, 404, 409, 429, notes={409: NOT_CONFIGURED})


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


context = context_over(NAME, InferenceServices, controllers)


def unconfigured(missing: CapabilityNotConfigured) -> HttpContext:
    """The inference routes where inference is turned off: each answers `missing`."""
    return unconfigured_context(NAME, controllers, missing)
