"""The wealth context's routes: the investor profile, retirement accounts, the estate tax."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from litestar.di import NamedDependency

from adapters.http.contexts import HttpContext, route_modules
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


controllers = route_modules(__name__, "profile", "retirement", "retirement_plans")


def context(services: WealthServices) -> HttpContext:
    """The wealth routes over their use cases."""
    return HttpContext(NAME, services, controllers)
