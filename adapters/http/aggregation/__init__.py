"""The aggregation context's routes: Link, linked items, their accounts, holdings and
transactions, sync, removal, and the aggregator's webhook."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from application.aggregation.service import AggregationService
from application.aggregation.webhooks import AggregationWebhooks

NAME = "aggregation"


@dataclass(frozen=True)
class AggregationServices:
    """What the aggregation routes call."""

    aggregation: AggregationService
    webhooks: AggregationWebhooks


AggregationDep: TypeAlias = NamedDependency[AggregationServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.aggregation import routes

    return routes.CONTROLLERS


context = context_over(NAME, AggregationServices, controllers)
