"""Retries where they are safe, as httpx transports under every request the client sends.

A request is retried when repeating it cannot do a thing twice: a GET or HEAD, or a POST
carrying an Idempotency-Key (Bulwark answers a repeated key with the first result). It is
retried on a connection failure or timeout and on 502, 503 and 504 (a proxy, a restarting
instance, or an instance refusing work it cannot start in time: 503 OVERLOADED), with
exponential backoff, and on 429 when the answer says when to come back; anything else is
answered at once.

Retry-After is honoured: on a 429, 502, 503 or 504 that carries it (seconds, or an HTTP date),
the next attempt waits at least that long, never less than the backoff. A wait longer than
the policy's `max_retry_after` is not waited out: the answer is returned, for the caller to
decide (its error's `retry_after` says how long the server asked for).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

RETRIED_STATUSES = frozenset({502, 503, 504})
WHEN_TOLD = frozenset({429})  # retried only with a Retry-After
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
IDEMPOTENCY_HEADER = "Idempotency-Key"


@dataclass(frozen=True)
class RetryPolicy:
    """`attempts` in all (1: never retry); waits of `backoff` seconds, doubling, at most
    `max_backoff`, or what the server's Retry-After asks when that is longer, up to
    `max_retry_after` (past it the answer is returned without waiting)."""

    attempts: int = 4
    backoff: float = 0.25
    max_backoff: float = 4.0
    max_retry_after: float = 30.0

    def delay(self, attempt: int) -> float:
        """The wait after failed attempt number `attempt` (1-based)."""
        return float(min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))

    def wait_after(self, response: httpx.Response, attempt: int) -> float | None:
        """How long to wait before retrying after `response` to attempt `attempt`; None: it
        is not retried (not a retried status, or the server asks for longer than allowed)."""
        status = response.status_code
        asked = retry_after(response)
        if status in WHEN_TOLD:
            if asked is None:
                return None
        elif status not in RETRIED_STATUSES:
            return None
        if asked is not None and asked > self.max_retry_after:
            return None
        return max(self.delay(attempt), asked or 0.0)


def retry_after(response: httpx.Response) -> float | None:
    """The seconds the response's Retry-After asks for (a number, or an HTTP date from now);
    None without one or with one that cannot be read."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when: datetime = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds: float = (when - datetime.now(UTC)).total_seconds()
    return max(0.0, seconds)


def retry_safe(request: httpx.Request) -> bool:
    return request.method in SAFE_METHODS or IDEMPOTENCY_HEADER.lower() in request.headers


class RetryingTransport(httpx.BaseTransport):
    """Wraps a transport with the retries of `policy` for the requests safe to repeat."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self._inner, self._policy = inner, policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = self._policy.attempts if retry_safe(request) else 1
        for attempt in range(1, attempts + 1):
            last = attempt == attempts
            try:
                response = self._inner.handle_request(request)
            except httpx.TransportError:
                if last:
                    raise
                wait = self._policy.delay(attempt)
            else:
                found = None if last else self._policy.wait_after(response, attempt)
                if found is None:
                    return response
                wait = found
                response.close()
            time.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def close(self) -> None:
        self._inner.close()


class AsyncRetryingTransport(httpx.AsyncBaseTransport):
    """RetryingTransport for httpx.AsyncClient."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self._inner, self._policy = inner, policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = self._policy.attempts if retry_safe(request) else 1
        for attempt in range(1, attempts + 1):
            last = attempt == attempts
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError:
                if last:
                    raise
                wait = self._policy.delay(attempt)
            else:
                found = None if last else self._policy.wait_after(response, attempt)
                if found is None:
                    return response
                wait = found
                await response.aclose()
            await asyncio.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def aclose(self) -> None:
        await self._inner.aclose()
