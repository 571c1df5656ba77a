"""The vendors' async HTTP client: a calls-per-minute budget, rate-limit answers, errors.

Every vendor call goes through `VendorHttp.get_json`:

- The budget (`CallBudget`) counts the calls of the last 60 seconds. A call over it is not
  sent and not waited for: it raises ProviderRateLimited with the seconds until a call frees
  up, so the failover composite moves on to the next provider at once and nothing stalls.
- A vendor's "limited" answer (429, or Alpha Vantage's 200 with a "Note"/"Information" body)
  raises ProviderRateLimited with the vendor's Retry-After (or the vendor's own default) and
  blocks every call to that vendor until then, without sending them.
- A refused key (401/403), a vendor error body, a non-JSON answer or a 5xx raise ProviderError
  (retryable only for 5xx and transport failures); an unknown symbol raises QuoteUnavailable.
  The caller parses the decoded JSON completely before it returns anything, so a malformed
  answer raises ProviderError and nothing half-parsed leaks.

The key travels as the vendor documents it (query parameter or header) and is never logged
nor put in an error message (URLs in messages are the path only).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx

from adapters.tls import client_tls
from ports.core.clock import Clock
from ports.market_data.marketdata import (
    ProviderError,
    ProviderRateLimited,
    QuoteUnavailable,
    RateLimitUsage,
)

WINDOW_S = 60.0
KEY_TTL_S = 300.0  # a key read from elsewhere (the vault) is read again after this

# The API key, or how to read it (the vault: read when first needed, again after KEY_TTL_S).
KeySource = Callable[[], Awaitable[str]]


class CallBudget:
    """At most `per_minute` calls in any 60 seconds; refuses (never waits) past that."""

    def __init__(self, per_minute: int, clock: Clock) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self._clock = clock
        self._calls: deque[float] = deque()
        self._blocked_until = float("-inf")

    def _trim(self, now: float) -> None:
        while self._calls and self._calls[0] <= now - WINDOW_S:
            self._calls.popleft()

    def wait_s(self) -> float:
        """Seconds until a call may be made (0: now)."""
        now = self._clock.monotonic()
        self._trim(now)
        blocked = max(0.0, self._blocked_until - now)
        if len(self._calls) < self.per_minute:
            return blocked
        # The window frees a call within a minute (the oldest is not after now); a float sum
        # can overshoot it by a rounding error, which the millisecond rounding would show.
        return max(blocked, min(self._calls[0] + WINDOW_S - now, WINDOW_S))

    def take(self, provider: str) -> None:
        """Count one call, or raise ProviderRateLimited with when to come back."""
        wait = self.wait_s()
        if wait > 0:  # to the millisecond, rounded up: a wait of 0.0004 s is not "now"
            raise ProviderRateLimited(provider, math.ceil(wait * 1000) / 1000)
        self._calls.append(self._clock.monotonic())

    def block(self, seconds: float) -> None:
        """The vendor said "limited": no call for `seconds`."""
        self._blocked_until = max(self._blocked_until, self._clock.monotonic() + seconds)

    def usage(self, clock: Clock) -> RateLimitUsage:
        now = self._clock.monotonic()
        self._trim(now)
        remaining = 0 if self._blocked_until > now else self.per_minute - len(self._calls)
        resets = None
        if self._calls:
            resets = clock.now() + timedelta(seconds=self._calls[0] + WINDOW_S - now)
        return RateLimitUsage(self.per_minute, max(0, remaining), resets)


@dataclass(frozen=True, slots=True)
class Limited:
    """A vendor's answer that says "rate limited", and for how long (None: the default)."""

    retry_after_s: float | None = None


@dataclass(frozen=True, slots=True)
class Refused:
    """A vendor's answer that is an error: `unknown` for an unknown symbol, `retryable`
    when asking again can help."""

    message: str
    unknown: bool = False
    retryable: bool = False


# A vendor's reading of a 200 answer's body: an error it carries, or None when it is data.
BodyCheck = Callable[[Any], Limited | Refused | None]


@dataclass(frozen=True, slots=True)
class VendorApi:
    """How one vendor is called: where, how the key is sent, how its errors read."""

    name: str
    base_url: str
    key_param: str | None = None  # the query parameter of the key ("apiKey", "token")
    key_header: str | None = None  # or the header of the key
    key_prefix: str = ""  # e.g. "Bearer " for a header
    default_retry_after_s: float = 60.0
    check_body: BodyCheck | None = None
    unknown_status: frozenset[int] = frozenset({404})


class VendorHttp:
    """GETs JSON from one vendor under its budget; errors as the market-data port's."""

    def __init__(
        self,
        api: VendorApi,
        api_key: str | KeySource,
        clock: Clock,
        *,
        calls_per_minute: int,
        cost_per_call: Decimal = Decimal(0),
        timeout_s: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.api = api
        self._key = api_key if isinstance(api_key, str) else None
        self._key_source = None if isinstance(api_key, str) else api_key
        self._key_read_at = float("-inf")
        self._clock = clock
        self.budget = CallBudget(calls_per_minute, clock)
        self.cost_per_call = cost_per_call
        self.calls = 0
        self.last_status: int | None = None  # the HTTP status of the last answer
        self._client = httpx.AsyncClient(
            base_url=api.base_url.rstrip("/"),
            timeout=timeout_s,
            transport=transport,
            verify=client_tls(),
            follow_redirects=False,
        )

    @property
    def name(self) -> str:
        return self.api.name

    @property
    def spent(self) -> Decimal:
        """What the calls made so far cost at the configured price per call."""
        return self.cost_per_call * self.calls

    def rate_limit(self) -> RateLimitUsage:
        return self.budget.usage(self._clock)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """The decoded JSON of GET `path` (an absolute URL is allowed: a vendor's next page)."""
        key = await self.api_key()
        self.budget.take(self.name)
        self.calls += 1
        url = httpx.URL(path)  # a next page's URL carries its query: keep it, add ours
        query: dict[str, Any] = {**dict(url.params), **(params or {})}
        path = str(url.copy_with(query=None))
        headers = {}
        if self.api.key_param:
            query[self.api.key_param] = key
        if self.api.key_header:
            headers[self.api.key_header] = f"{self.api.key_prefix}{key}"
        shown = url.path or path
        self.last_status = None
        try:
            response = await self._client.get(path, params=query, headers=headers)
        except httpx.TimeoutException:
            raise ProviderError(self.name, f"{shown}: timed out") from None
        except httpx.HTTPError as exc:
            raise ProviderError(self.name, f"{shown}: {type(exc).__name__}") from None
        body = _json_or_none(response)
        status = self.last_status = response.status_code
        verdict = self.api.check_body(body) if self.api.check_body and body is not None else None
        if status == 429 or isinstance(verdict, Limited):
            retry = _retry_after(response.headers.get("Retry-After"))
            if retry is None and isinstance(verdict, Limited):
                retry = verdict.retry_after_s
            retry = self.api.default_retry_after_s if retry is None else retry
            self.budget.block(retry)
            raise ProviderRateLimited(self.name, retry)
        if status in self.api.unknown_status:
            raise QuoteUnavailable(f"{self.name}: {shown}: {_message(body) or 'not found'}")
        if isinstance(verdict, Refused):
            if verdict.unknown:
                raise QuoteUnavailable(f"{self.name}: {shown}: {verdict.message}")
            retryable = verdict.retryable or status >= 500
            raise ProviderError(self.name, f"{shown}: {verdict.message}", retryable=retryable)
        if status >= 400:
            detail = _message(body) or response.reason_phrase
            raise ProviderError(self.name, f"{shown}: {status} {detail}", retryable=status >= 500)
        if body is None:
            raise ProviderError(self.name, f"{shown}: the answer is not JSON")
        return body

    async def api_key(self) -> str:
        """The vendor's key: as configured, or read from the vault and read again after
        KEY_TTL_S (a rotated key is in use within that time). ProviderError when unreadable."""
        if self._key_source is None:
            assert self._key is not None
            return self._key
        now = self._clock.monotonic()
        if self._key is None or now - self._key_read_at >= KEY_TTL_S:
            try:
                self._key = await self._key_source()
            except Exception as exc:  # the vault refused (expired, unreadable, deleted)
                raise ProviderError(
                    self.name, f"its key cannot be read: {type(exc).__name__}", retryable=False
                ) from None
            self._key_read_at = now
        return self._key


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _message(body: Any) -> str:
    """A vendor error body's message (keys the three vendors use), cut short."""
    if isinstance(body, dict):
        for key in ("error", "message", "Error Message", "Information", "Note"):
            if isinstance(body.get(key), str):
                return str(body[key])[:300]
    return ""


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: the vendor's default applies
