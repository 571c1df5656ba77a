"""Fault injection and call rate limiting for the paper broker."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from adapters.brokers.paper.config import BROKER_METHODS
from ports.trading.broker import BrokerErrorCode


@dataclass(slots=True)
class CallFault:
    """The next `remaining` matching calls fail (after sleeping `timeout_s`, when set)."""

    remaining: int
    code: BrokerErrorCode
    retryable: bool
    methods: frozenset[str] | None
    account_id: str | None
    timeout_s: float | None = None

    def matches(self, method: str, account_id: str) -> bool:
        if self.methods is not None and method not in self.methods:
            return False
        return self.account_id is None or self.account_id == account_id


@dataclass(slots=True)
class _AckLie:
    account_id: str | None
    remaining: int | None  # None: until cleared


class FaultPlan:
    """Scripted failures, consumed in the order they were added."""

    def __init__(self) -> None:
        self._calls: list[CallFault] = []
        self._lies: list[_AckLie] = []

    def add_call_fault(
        self,
        n: int,
        code: BrokerErrorCode,
        *,
        methods: Iterable[str] | None,
        account_id: str | None,
        retryable: bool,
        timeout_s: float | None = None,
    ) -> None:
        if n < 1:
            raise ValueError("n must be at least 1")
        if timeout_s is not None and timeout_s < 0:
            raise ValueError("a timeout must not be negative")
        names = _method_names(methods)
        self._calls.append(CallFault(n, code, retryable, names, account_id, timeout_s))

    def add_ack_lie(self, account_id: str | None, n: int | None) -> None:
        if n is not None and n < 1:
            raise ValueError("n must be at least 1 when given")
        self._lies.append(_AckLie(account_id, n))

    def take_call_fault(self, method: str, account_id: str) -> CallFault | None:
        """The first fault that applies to this call, counted as used; None when none does."""
        if not self._calls:
            return None
        for index, fault in enumerate(self._calls):
            if fault.matches(method, account_id):
                fault.remaining -= 1
                if fault.remaining == 0:
                    del self._calls[index]
                return fault
        return None

    def take_ack_lie(self, account_id: str) -> bool:
        """True when this cancel call must be acknowledged without cancelling anything."""
        if not self._lies:
            return False
        for index, lie in enumerate(self._lies):
            if lie.account_id is None or lie.account_id == account_id:
                if lie.remaining is not None:
                    lie.remaining -= 1
                    if lie.remaining == 0:
                        del self._lies[index]
                return True
        return False

    def clear(self) -> None:
        self._calls.clear()
        self._lies.clear()


class RateLimiter:
    """At most `max_per_second` admitted calls per key in any one-second window."""

    def __init__(self, max_per_second: int | None) -> None:
        self._max = max_per_second
        self._calls: dict[str, deque[float]] = {}

    def admit(self, key: str, now: float) -> bool:
        if self._max is None:
            return True
        window = self._calls.get(key)
        if window is None:
            window = self._calls[key] = deque()
        while window and window[0] <= now - 1.0:
            window.popleft()
        if len(window) >= self._max:
            return False
        window.append(now)
        return True


def _method_names(methods: Iterable[str] | None) -> frozenset[str] | None:
    if methods is None:
        return None
    names = frozenset([methods] if isinstance(methods, str) else methods)
    unknown = names - BROKER_METHODS
    if unknown:
        raise ValueError(f"unknown broker methods: {sorted(unknown)}")
    return names
