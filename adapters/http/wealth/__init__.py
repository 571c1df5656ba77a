"""The wealth context's routes: the investor profile, retirement accounts, the estate tax."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from application.wealth.estate import EstateTaxService
from application.wealth.profiles import InvestorProfileService
from application.wealth.retirement import RetirementService

NAME = "wealth"


@dataclass(frozen=True)
class WealthServices:
    """What the wealth routes call."""

    profiles: InvestorProfileService
    retirement: RetirementService
    estate_tax: EstateTaxService


WealthDep: TypeAlias = NamedDependency[WealthServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.wealth import profile, retirement, retirement_plans

    return [*profile.CONTROLLERS, *retirement.CONTROLLERS, *retirement_plans.CONTROLLERS]


context = context_over(NAME, WealthServices, controllers)
