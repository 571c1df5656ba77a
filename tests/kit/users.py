"""Builders of the people a use case reads from the store: a staffed desk of users."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork, unit_of_work_factory
from domain.identity.users import User
from domain.principals import Role


async def staffed_store(gone: Role, at: datetime) -> Callable[[], InMemoryUnitOfWork]:
    """An in-memory store (its unit-of-work factory) with an active admin, risk officer, trader
    and viewer, each named after the role ("admin", "risk", "trader", "viewer"), and "gone", an
    inactive user of the role `gone`; all created `at`."""
    uow = unit_of_work_factory(InMemoryStore())
    async with uow() as unit:
        for name, role, active in (
            ("admin", Role.ADMIN, True),
            ("risk", Role.RISK_OFFICER, True),
            ("trader", Role.TRADER, True),
            ("viewer", Role.VIEWER, True),
            ("gone", gone, False),
        ):
            await unit.users.add(User(name, name, "hash", role, at, active=active))
        await unit.commit()
    return uow
