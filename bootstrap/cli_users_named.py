"""The user a console command names on its command line (`bulwark vault list alice`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bootstrap.settings import SettingsError
from domain.principals import Principal

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts
    from domain.identity import User


async def user_named(container: Contexts, username: str) -> User:
    """The user of that name; SettingsError (a usage error) when there is none."""
    async with container.core.uow_factory()() as uow:
        user = await uow.users.by_username(username)
    if user is None:
        raise SettingsError(f"no user named {username!r}")
    found: User = user  # the unit of work is typed loosely here
    return found


async def principal_named(container: Contexts, username: str) -> Principal:
    """The named user as the principal a command acts for."""
    user = await user_named(container, username)
    return Principal(user.id, user.role)
