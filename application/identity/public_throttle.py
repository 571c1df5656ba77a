"""The client throttle of the login, applied to the other public credential endpoints.

A wrong invitation or reset token counts as a failed login of the client address
(the same key and policy as LoginGuard's): a client guessing tokens waits as one guessing
passwords would, and its failures in either place add up.
"""

from __future__ import annotations

from datetime import timedelta
from math import ceil

from domain.errors import LoginThrottled
from domain.identity import CLIENT_THROTTLE, LoginThrottle, ThrottlePolicy, client_key
from ports.clock import Clock
from ports.unit_of_work import UnitOfWorkFactory


class ClientThrottle:
    """Refuses a client that is waiting; counts its failures."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Clock, policy: ThrottlePolicy = CLIENT_THROTTLE
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self.policy = policy

    async def refuse_if_waiting(self, client: str | None) -> None:
        if not client:
            return
        async with self._uow() as uow:
            throttle = await uow.login_throttles.get(client_key(client))
        wait = timedelta(0) if throttle is None else throttle.wait(self._clock.now(), self.policy)
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
        async with self._uow() as uow:
            throttle = await uow.login_throttles.get(key) or LoginThrottle(key)
            throttle.record_failure(self._clock.now(), self.policy)
            await uow.login_throttles.add(throttle)
            await uow.commit()
