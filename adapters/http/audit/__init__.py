"""The audit context's routes: the hash-chained audit log, read and verified."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.core.audit_log import AuditLogService

NAME = "audit"
# The problems every audit route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class AuditServices:
    """What the audit routes call."""

    audit_log: AuditLogService


AuditDep: TypeAlias = NamedDependency[AuditServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.audit import log

    return log.CONTROLLERS


context = context_over(NAME, AuditServices, controllers)
