"""The compliance context's routes: the control inventory, as JSON or CSV."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.compliance.evidence import EvidencePacks
from application.compliance.inventory import ControlInventory

NAME = "compliance"
# The problems every compliance route documents; a route adds its own.
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class ComplianceServices:
    """What the compliance routes call."""

    inventory: ControlInventory
    evidence: EvidencePacks


ComplianceDep: TypeAlias = NamedDependency[ComplianceServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.compliance import evidence, routes

    return [*routes.CONTROLLERS, *evidence.CONTROLLERS]


context = context_over(NAME, ComplianceServices, controllers)
