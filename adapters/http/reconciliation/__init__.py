"""The reconciliation context's routes: each connection's accounts against their venue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.reconciliation.service import Reconciliation

NAME = "reconciliation"
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class ReconciliationServices:
    """What the reconciliation routes call."""

    service: Reconciliation


ReconciliationDep: TypeAlias = NamedDependency[ReconciliationServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.reconciliation import reports

    return reports.CONTROLLERS


context = context_over(NAME, ReconciliationServices, controllers)
