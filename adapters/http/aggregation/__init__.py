"""The aggregation context's routes: Link, linked items, their accounts, holdings and
transactions, sync, removal, and the aggregator's webhook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from litestar.di import NamedDependency

from adapters.http.contexts import HttpContext, route_modules
from application.aggregation.service import AggregationService
from application.aggregation.webhooks import AggregationWebhooks

NAME = "aggregation"


@dataclass(frozen=True)
class AggregationServices:
    """What the aggregation routes call."""

    aggregation: AggregationService
    webhooks: AggregationWebhooks


AggregationDep: TypeAlias = NamedDependency[AggregationServices]


controllers = route_modules(__name__, "routes")


def context(services: AggregationServices) -> HttpContext:
    return HttpContext(NAME, services, controllers)
