"""The process's halt latch: a kill switch binds this process's broker sends at once.

The kill switch runs on a thread of its own (bootstrap/killswitch_lane.py) so that no other
request can delay it, while orders are decided and sent on the API's event loop. The latch is
what the two share, so it is thread-safe and never awaits:

- `halt(scope)` is the kill switch's first act, before the store is written: from then on no
  order of that scope leaves this process for a broker (`sending` refuses it) and the gate
  denies new ones with TRADING_HALTED, even if the store's write is still on its way.
- `sending(...)` brackets each broker submission; the kill switch waits (bounded) until the
  sends already in flight for an account are done (`drained`), so that nothing it does not
  see lands at the broker after its cancel.
- A scope leaves the latch when it is resumed here, or when the store shows a change of the
  scope to a state other than HALTED made after the latch was set (a resume elsewhere).
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache

from domain.killswitch.state import Scope, TradingState
from domain.trading.orders import Order, OriginKind


class SendRefused(Exception):
    """The order's scope is halted in this process: it must not reach the broker."""

    def __init__(self, scope_key: str) -> None:
        super().__init__(f"trading is halted for {scope_key}")
        self.scope_key = scope_key


@lru_cache(maxsize=65_536)
def order_scopes(account_id: str, origin_kind: OriginKind, origin_id: str) -> tuple[str, ...]:
    """The scope keys an order falls in: global, its account, and its agent if an agent sent it."""
    keys = (Scope.global_().key, Scope.account(account_id).key)
    if origin_kind is OriginKind.AGENT:
        return (*keys, Scope.agent(origin_id).key)
    return keys


def in_scope(scope: Scope, order: Order) -> bool:
    """Whether `order` falls in `scope`: the one matching of an order to a scope, shared by the
    gate's trading state (`order_scopes`), the kill switch's cancels and its rejection of held
    orders, so a new scope kind is added here once."""
    return scope.key in order_scopes(order.account_id, order.origin.kind, order.origin.id)


class HaltLatch:
    """Halted scopes and broker sends in flight, shared by every thread of the process."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._halted: dict[str, datetime] = {}
        self._in_flight: Counter[str] = Counter()
        # The accounts of a halted group scope (a book), each with the groups covering it.
        self._covered: dict[str, frozenset[str]] = {}

    # -- the kill switch's side ------------------------------------------------------
    def halt(self, scope_key: str, at: datetime) -> None:
        """From now on nothing of `scope_key` is sent (kept until resumed)."""
        with self._mutex:
            self._halted.setdefault(scope_key, at)

    def cover(self, scope_key: str, account_ids: tuple[str, ...]) -> None:
        """A halted group scope's accounts: nothing of them is sent either until the group is
        released (an account that joins later is the gate's: it reads the group's state)."""
        with self._mutex:
            if scope_key not in self._halted:
                return
            for account_id in account_ids:
                self._covered[account_id] = self._covered.get(account_id, frozenset()) | {scope_key}

    def release(self, scope_key: str) -> None:
        """The scope was resumed: sends of it are allowed again."""
        with self._mutex:
            self._drop(scope_key)

    def _drop(self, scope_key: str) -> None:
        """Under the mutex: the scope and what it covered leave the latch."""
        self._halted.pop(scope_key, None)
        if self._covered:
            covered = {a: keys - {scope_key} for a, keys in self._covered.items()}
            self._covered = {a: keys for a, keys in covered.items() if keys}

    async def drained(self, account_id: str, wait_seconds: float, poll: float = 0.002) -> bool:
        """Wait until no send of the account is in flight; False when `wait_seconds` ran out."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait_seconds
        while self.in_flight(account_id):
            if loop.time() >= deadline:
                return False
            await asyncio.sleep(poll)
        return True

    # -- the order path's side -------------------------------------------------------
    def halted_scope(self, scope_keys: tuple[str, ...]) -> str | None:
        """The first of the keys that is halted here, if any (lock-free read of a dict)."""
        halted = self._halted
        if not halted:
            return None
        for key in scope_keys:
            if key in halted:
                return key
        return None

    def halted_for(self, account_id: str, scope_keys: tuple[str, ...]) -> str | None:
        """The first of the keys halted here, else a halted group covering the account."""
        if not self._halted:
            return None
        found = self.halted_scope(scope_keys)
        if found is None and self._covered:
            groups = self._covered.get(account_id)
            return min(groups) if groups else None
        return found

    def blocks(self, order: Order) -> str | None:
        """The halted scope that stops this order, if any."""
        keys = order_scopes(order.account_id, order.origin.kind, order.origin.id)
        return self.halted_for(order.account_id, keys)

    @contextmanager
    def sending_batch(self, account_id: str) -> Iterator[None]:
        """Bracket one account's batch of broker submissions: counted in flight throughout.

        Each order of the batch still asks `check` just before its own send, so a halt set
        mid-batch stops the sends after it; the kill switch waits for the batch to end.
        """
        with self._mutex:
            self._in_flight[account_id] += 1
        try:
            yield
        finally:
            self._leave(account_id)

    def check(self, order: Order) -> None:
        """Raise SendRefused when the order's scope is halted (inside `sending_batch`)."""
        if self._halted:
            halted = self.blocks(order)
            if halted is not None:
                raise SendRefused(halted)

    @contextmanager
    def sending(self, order: Order) -> Iterator[None]:
        """Bracket one broker submission; raises SendRefused when its scope is halted."""
        keys = order_scopes(order.account_id, order.origin.kind, order.origin.id)
        with self._mutex:
            halted = self.halted_for(order.account_id, keys)
            if halted is not None:
                raise SendRefused(halted)
            self._in_flight[order.account_id] += 1
        try:
            yield
        finally:
            self._leave(order.account_id)

    def _leave(self, account_id: str) -> None:
        """One bracket of the account's sends ended."""
        with self._mutex:
            self._in_flight[account_id] -= 1
            if self._in_flight[account_id] <= 0:
                del self._in_flight[account_id]

    def in_flight(self, account_id: str) -> int:
        with self._mutex:
            return self._in_flight.get(account_id, 0)

    def observe(self, scope_key: str, state: TradingState, changed_at: datetime | None) -> None:
        """The store's state of a scope: a change away from HALTED after the latch releases it."""
        since = self._halted.get(scope_key)
        if since is None or state is TradingState.HALTED or changed_at is None:
            return
        if changed_at > since:
            with self._mutex:
                if self._halted.get(scope_key) == since:
                    self._drop(scope_key)

    def halted_keys(self) -> frozenset[str]:
        with self._mutex:
            return frozenset(self._halted)
