"""Retries where they are safe, as httpx transports under every request the client sends.

A request is retried when repeating it cannot do a thing twice: a GET or HEAD, or a POST
carrying an Idempotency-Key (Bulwark answers a repeated key with the first result). It is
retried on a connection failure or timeout and on 502, 503 and 504 (a proxy or a restarting
instance), with exponential backoff; anything else is answered at once.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

RETRIED_STATUSES = frozenset({502, 503, 504})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
IDEMPOTENCY_HEADER = "Idempotency-Key"


@dataclass(frozen=True)
class RetryPolicy:
    """`attempts` in all (1: never retry); waits of `backoff` seconds, doubling, at most
    `max_backoff`."""

    attempts: int = 4
    backoff: float = 0.25
    max_backoff: float = 4.0

    def delay(self, attempt: int) -> float:
        """The wait after failed attempt number `attempt` (1-based)."""
        return float(min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))


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
            else:
                if last or response.status_code not in RETRIED_STATUSES:
                    return response
                response.close()
            time.sleep(self._policy.delay(attempt))
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
            else:
                if last or response.status_code not in RETRIED_STATUSES:
                    return response
                await response.aclose()
            await asyncio.sleep(self._policy.delay(attempt))
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def aclose(self) -> None:
        await self._inner.aclose()
