"""The review context's routes: advisory reviews of orders and the models' outcome records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from litestar.di import NamedDependency

from adapters.http.contexts import HttpContext, route_modules
from application.model_records.record import ModelRecords
from application.review.service import ReviewService

NAME = "review"


@dataclass(frozen=True)
class ReviewServices:
    """What the review routes call."""

    reviews: ReviewService
    model_records: ModelRecords


ReviewDep: TypeAlias = NamedDependency[ReviewServices]


controllers = route_modules(__name__, "routes")


def context(services: ReviewServices) -> HttpContext:
    """The review routes over their use cases."""
    return HttpContext(NAME, services, controllers)
