"""The privacy context's routes: a person's data exported, and a user erased on request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.privacy.personal_data import PersonalDataService

NAME = "privacy"
# The problems every privacy route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(400, 401, 403, 429)


@dataclass(frozen=True)
class PrivacyServices:
    """What the privacy routes call."""

    personal_data: PersonalDataService


PrivacyDep: TypeAlias = NamedDependency[PrivacyServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.privacy import personal_data

    return personal_data.CONTROLLERS


context = context_over(NAME, PrivacyServices, controllers)
