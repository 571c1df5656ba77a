"""The review context's routes: advisory reviews of orders and the models' outcome records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from application.model_records.record import ModelRecords
from application.review.service import ReviewService

NAME = "review"


@dataclass(frozen=True)
class ReviewServices:
    """What the review routes call."""

    reviews: ReviewService
    model_records: ModelRecords


ReviewDep: TypeAlias = NamedDependency[ReviewServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.review import routes

    return routes.CONTROLLERS


context = context_over(NAME, ReviewServices, controllers)
