"""The account rules context's routes: an account's settings of the US account rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.account_rules.service import AccountRulesService

NAME = "account_rules"
# The problems every account rules route documents; a route adds its own.
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class AccountRulesServices:
    """What the account rules routes call."""

    service: AccountRulesService


AccountRulesDep: TypeAlias = NamedDependency[AccountRulesServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.account_rules import routes

    return routes.CONTROLLERS


context = context_over(NAME, AccountRulesServices, controllers)
