"""The client throttle of the login, applied to the other public credential endpoints.

A wrong invitation or reset token counts as a failed login of the client address
(the same key and policy as LoginGuard's): a client guessing tokens waits as one guessing
passwords would, and its failures in either place add up.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from math import ceil
from typing import Protocol, TypeVar

from domain.errors import DomainError, LoginThrottled
from domain.identity import CLIENT_THROTTLE, LoginThrottle, ThrottlePolicy, client_key
from domain.identity.tokens import parse_refresh_token
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory


class _TokenRecord(Protocol):
    def matches(self, secret: str) -> bool: ...


Record = TypeVar("Record", bound=_TokenRecord)


@dataclass(eq=False)
class ClientThrottle:
    """Refuses a client that is waiting; counts its failures."""

    uow_factory: UnitOfWorkFactory
    clock: Clock
    policy: ThrottlePolicy = CLIENT_THROTTLE

    async def refuse_if_waiting(self, client: str | None) -> None:
        if not client:
            return
        async with self.uow_factory() as uow:
            throttle = await uow.login_throttles.get(client_key(client))
        wait = timedelta(0) if throttle is None else throttle.wait(self.clock.now(), self.policy)
        if wait > timedelta(0):
            seconds = max(1, ceil(wait.total_seconds()))
            raise LoginThrottled(
                f"too many failed attempts from this client; retry in {seconds} s",
                retry_after=wait.total_seconds(),
            )

    async def fail(self, client: str | None) -> None:
        if not client:
            return
        key = client_key(client)
        async with self.uow_factory() as uow:
            throttle = await uow.login_throttles.get(key) or LoginThrottle(key)
            throttle.record_failure(self.clock.now(), self.policy)
            await uow.login_throttles.add(throttle)
            await uow.commit()

    async def token_record(
        self,
        token: str,
        client: str | None,
        find: Callable[[UnitOfWork, str], Awaitable[Record | None]],
        unknown: DomainError,
    ) -> Record:
        """The record (invitation, password reset) a one-time token names, when the token's
        secret matches it; otherwise the client's failure is counted and `unknown` raised."""
        parsed = parse_refresh_token(token)
        async with self.uow_factory() as uow:
            found = None if parsed is None else await find(uow, parsed[0])
        if found is None or parsed is None or not found.matches(parsed[1]):
            await self.fail(client)
            raise unknown
        return found
