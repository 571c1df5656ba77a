"""What the Twelve Data, Yahoo and Databento adapters share: the JSON-over-HTTP call with
the vendor's calls-per-minute budget, and its failures as the market-data port's.

- A call first takes a slot of the vendor's budget (calls per minute, a sliding minute). An
  empty budget is not waited on: the call raises ProviderRateLimited with the seconds until a
  slot frees, so the failover moves to the next provider and a backfill waits on its own
  (application/market_data/bar_backfill.py); no other work stalls behind a vendor's limit.
- HTTP 429 (and a vendor's own "too many requests" body, which the adapter reports through
  `rate_limited`) is ProviderRateLimited with the vendor's Retry-After when it sends one.
- 401/403: the vendor refused the key (not retryable). 404: QuoteUnavailable. 5xx, timeouts
  and connection failures: retryable ProviderError. A body that is not the JSON the vendor
  documents: ProviderError "malformed", and nothing of it is returned.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import msgspec

from adapters.tls import client_tls
from ports.core.clock import Clock
from ports.market_data.marketdata import (
    ProviderError,
    ProviderRateLimited,
    QuoteUnavailable,
    RateLimitUsage,
)

MINUTE_S = 60.0
_REFUSED_KEY = frozenset({401, 403})


class CallBudget:
    """A vendor's calls per minute over a sliding minute, on the clock's monotonic time."""

    def __init__(self, provider: str, per_minute: int, clock: Clock) -> None:
        if per_minute < 1:
            raise ValueError("a call budget needs at least one call per minute")
        self._provider = provider
        self.per_minute = per_minute
        self._clock = clock
        self._calls: deque[float] = deque()
        self.spent = 0  # calls taken since the start: what the cost reports count

    def _expire(self, now: float) -> None:
        while self._calls and self._calls[0] <= now - MINUTE_S:
            self._calls.popleft()

    def take(self) -> None:
        """Spend one call, or raise ProviderRateLimited with when the next one is free."""
        now = self._clock.monotonic()
        self._expire(now)
        if len(self._calls) >= self.per_minute:
            # At most a minute (the oldest call is not after now); a float sum can overshoot it
            wait = min(self._calls[0] + MINUTE_S - now, MINUTE_S)
            raise ProviderRateLimited(self._provider, max(wait, 0.001))
        self._calls.append(now)
        self.spent += 1

    def usage(self) -> RateLimitUsage:
        self._expire(self._clock.monotonic())
        return RateLimitUsage(self.per_minute, self.per_minute - len(self._calls))


def not_offered(provider: str, what: str) -> ProviderError:
    """The port's answer for what a vendor does not serve (not retryable: the failover asks
    the next provider)."""
    return ProviderError(provider, f"does not offer {what}", retryable=False)


def retry_after_s(headers: httpx.Headers, clock: Clock) -> float | None:
    """Retry-After as seconds (a number or an HTTP date); None when absent or unreadable."""
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        try:
            when = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return None
        seconds = (when - clock.now()).total_seconds()
    return max(seconds, 0.0) if math.isfinite(seconds) else None


class VendorHttp:
    """One vendor's HTTP client: budget, timeout, and failures as the port's errors."""

    def __init__(
        self,
        provider: str,
        base_url: str,
        clock: Clock,
        *,
        per_minute: int,
        timeout_s: float = 10.0,
        auth: httpx.Auth | tuple[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.provider = provider
        self.base_url = base_url.rstrip("/")
        self._clock = clock
        self.budget = CallBudget(provider, per_minute, clock)
        self._params = dict(params or {})
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=timeout_s,
            auth=auth,
            headers=dict(headers or {}),
            transport=transport,
            verify=client_tls(),
            follow_redirects=False,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    def rate_limit(self) -> RateLimitUsage:
        return self.budget.usage()

    async def send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> httpx.Response:
        """The vendor's answer with a 2xx status; every other outcome as the port's error."""
        self.budget.take()
        query = {**self._params, **(params or {})}
        try:
            response = await self._client.request(method, path, params=query, data=data)
        except httpx.TimeoutException as exc:
            raise ProviderError(
                self.provider, f"{path}: timed out ({type(exc).__name__})"
            ) from None
        except httpx.HTTPError as exc:
            raise ProviderError(self.provider, f"{path}: {type(exc).__name__}") from None
        status = response.status_code
        if status == 429:
            raise ProviderRateLimited(self.provider, retry_after_s(response.headers, self._clock))
        if status in _REFUSED_KEY:
            raise ProviderError(
                self.provider,
                f"{path}: the key was refused (HTTP {status}): {brief(response.text)}",
                retryable=False,
            )
        if status == 404:
            raise QuoteUnavailable(f"{self.provider}: {path}: not found: {brief(response.text)}")
        if status >= 500:
            raise ProviderError(self.provider, f"{path}: HTTP {status}")
        if status >= 300:
            raise ProviderError(
                self.provider, f"{path}: HTTP {status}: {brief(response.text)}", retryable=False
            )
        return response

    async def get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """GET `path` and its JSON body (any JSON value); malformed JSON is a ProviderError."""
        response = await self.send("GET", path, params=params)
        return parse_json(self.provider, path, response.content)


class OverVendorHttp:
    """A vendor adapter over one VendorHttp: closing it, its calls made and its rate limit."""

    _http: VendorHttp

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def calls_made(self) -> int:
        """Calls sent to the vendor since this provider was built (its cost's unit)."""
        return self._http.budget.spent

    def rate_limit(self) -> RateLimitUsage | None:
        return self._http.rate_limit()


def parse_json(provider: str, path: str, body: bytes) -> Any:
    try:
        return msgspec.json.decode(body)
    except msgspec.DecodeError:
        raise ProviderError(provider, f"{path}: malformed answer (not JSON)") from None


def brief(text: str, limit: int = 200) -> str:
    """A vendor's error text cut short, on one line (it goes into messages and logs)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def decimal(provider: str, value: object, what: str) -> Decimal:
    """A finite Decimal of a number or numeric string from the wire, else ProviderError."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ProviderError(provider, f"malformed {what}: {value!r}")
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value))
    except InvalidOperation:
        raise ProviderError(provider, f"malformed {what}: {value!r}") from None
    if not number.is_finite():
        raise ProviderError(provider, f"malformed {what}: {value!r}")
    return number


def optional_decimal(provider: str, value: object, what: str) -> Decimal | None:
    """None for a missing value (null, "", "NaN"), else `decimal`."""
    if value is None or value == "" or (isinstance(value, str) and value.lower() == "nan"):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return decimal(provider, value, what)


def rfc3339(moment: datetime) -> str:
    from datetime import UTC

    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
