"""Alpaca REST client: auth headers, rate-limit tracking, deadline-bounded retries.

Other brokers' REST clients reuse its retry core (adapters/brokers/tradier/http.py): they
give their own `HeaderAuth` and override how an answer's limits and errors are read.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Protocol, TypeVar

import httpx
import msgspec

from adapters.tls import client_tls
from ports.core.clock import Clock
from ports.market_data.marketdata import RateLimitUsage

TRADING_PAPER_URL = "https://paper-api.alpaca.markets"
TRADING_LIVE_URL = "https://api.alpaca.markets"
DATA_URL = "https://data.alpaca.markets"
STREAM_URL = "wss://stream.data.alpaca.markets"

T = TypeVar("T")

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_TRANSIENT_STATUS = frozenset({502, 503, 504})
# A refused-before-processing answer: safe to resend even a POST.
_NOT_PROCESSED_STATUS = frozenset({503})


def trading_url(paper: bool) -> str:
    """The trading API's base URL for a paper or a live account."""
    return TRADING_PAPER_URL if paper else TRADING_LIVE_URL


def trading_stream_url(base_url: str) -> str:
    """The trade-updates websocket of a trading base URL (http(s) -> ws(s), + /stream)."""
    scheme, sep, rest = base_url.rstrip("/").partition("://")
    ws = {"https": "wss", "http": "ws"}.get(scheme, scheme)
    return f"{ws}{sep}{rest}/stream"


class HeaderAuth(Protocol):
    """What authenticates a call: the headers it carries."""

    def headers(self) -> dict[str, str]: ...


@dataclass(frozen=True, slots=True)
class AlpacaCredentials:
    """An Alpaca API key pair; the secret never appears in a repr."""

    key_id: str
    secret_key: str = field(repr=False)

    def headers(self) -> dict[str, str]:
        return {"APCA-API-KEY-ID": self.key_id, "APCA-API-SECRET-KEY": self.secret_key}

    def auth_message(self) -> dict[str, str]:
        """The websocket auth payload Alpaca's streams expect as their first message."""
        return {"action": "auth", "key": self.key_id, "secret": self.secret_key}


class AlpacaHttpError(Exception):
    """An Alpaca call failed; adapters map it to their port's errors.

    `status` is the HTTP status (None when no answer came back), `code` Alpaca's own
    error code from the body, `retryable` whether asking again can help, and
    `retry_after` the seconds the server asked to wait (429s).
    """

    def __init__(
        self,
        status: int | None,
        message: str,
        *,
        code: int | None = None,
        retryable: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"HTTP {status}: {message}" if status is not None else message)
        self.status = status
        self.message = message
        self.code = code
        self.retryable = retryable
        self.retry_after = retry_after


class AlpacaRateLimited(AlpacaHttpError):
    """429: the wait the server asked for does not fit before the deadline (or attempts ran out)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(429, message, retryable=True, retry_after=retry_after)


class AlpacaTimeout(AlpacaHttpError):
    """No answer in time: an attempt timed out or the deadline passed."""

    def __init__(self, message: str) -> None:
        super().__init__(None, message, retryable=True)


class AlpacaConnectionError(AlpacaHttpError):
    """The transport failed (connection refused or reset, protocol error)."""

    def __init__(self, message: str) -> None:
        super().__init__(None, message, retryable=True)


class AlpacaMalformed(AlpacaHttpError):
    """The answer was not the JSON shape Alpaca documents."""

    def __init__(self, status: int | None, message: str) -> None:
        super().__init__(status, f"malformed answer: {message}", retryable=False)


class _ErrorBody(msgspec.Struct):
    code: int | None = None
    message: str | None = None


_ERROR_DECODER = msgspec.json.Decoder(_ErrorBody)


def decode(response: httpx.Response, decoder: msgspec.json.Decoder[T]) -> T:
    """Decode a response body, raising AlpacaMalformed instead of msgspec's errors."""
    try:
        return decoder.decode(response.content)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise AlpacaMalformed(response.status_code, str(exc)) from exc


class AlpacaHttp:
    """One Alpaca REST endpoint (trading or data) with auth, rate-limit tracking and retries.

    Every call is bounded by `deadline` (an absolute `clock.monotonic()` time) when given,
    else by `max_attempts` attempts of at most `timeout_s` each. A 429 is retried only if
    the wait the server asks for fits before the deadline; otherwise AlpacaRateLimited is
    raised at once, so a caller on a deadline never sleeps blindly.
    """

    # The headers of an answer's request budget: its size and what is left of it.
    limit_header = "x-ratelimit-limit"
    remaining_header = "x-ratelimit-remaining"

    def __init__(
        self,
        base_url: str,
        credentials: HeaderAuth,
        *,
        provider_name: str,
        clock: Clock,
        client: httpx.AsyncClient | None = None,
        timeout_s: float = 10.0,
        max_attempts: int = 3,
        backoff_s: float = 0.05,
        max_backoff_s: float = 1.0,
        max_rate_wait_s: float = 5.0,
        rng: random.Random | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.base_url = base_url.rstrip("/")
        self.provider_name = provider_name
        self._credentials = credentials
        self._clock = clock
        self._owns_client = client is None
        self._client = client or httpx.AsyncClient(timeout=timeout_s, verify=client_tls())
        self._timeout_s = timeout_s
        self._max_attempts = max_attempts
        self._backoff_s = backoff_s
        self._max_backoff_s = max_backoff_s
        self._max_rate_wait_s = max_rate_wait_s
        self._rng = rng or random.Random()
        self._rate: RateLimitUsage | None = None

    def rate_limit(self) -> RateLimitUsage | None:
        """The request budget from the last X-RateLimit-* headers seen, None before any."""
        return self._rate

    async def aclose(self) -> None:
        """Close the connection pool (a client passed in is the caller's to close)."""
        if self._owns_client:
            await self._client.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, str] | None = None,
        deadline: float | None = None,
        idempotent: bool | None = None,
    ) -> httpx.Response:
        """Send one call and return its 2xx response, or raise an AlpacaHttpError.

        The body is `json`, or `data` form-encoded. `idempotent` (default: by method) allows
        resending after a timeout or a 502/504; a POST is resent only when the server surely
        did not process it.
        """
        method = method.upper()
        safe = method in _IDEMPOTENT if idempotent is None else idempotent
        url = f"{self.base_url}/{path.lstrip('/')}"
        attempt = 0
        while True:
            attempt += 1
            left = self._time_left(deadline)
            if left is not None and left <= 0:
                raise AlpacaTimeout(f"{self.provider_name}: deadline passed before {method} {path}")
            budget = self._timeout_s if left is None else min(self._timeout_s, left)
            try:
                response = await self._send(method, url, params, json, data, budget)
            except AlpacaHttpError as exc:
                resend = safe or isinstance(exc, AlpacaConnectionError)
                if not resend or attempt >= self._max_attempts:
                    raise
                await self._back_off(attempt, deadline, exc)
                continue
            self._track(response)
            if response.is_success:
                return response
            error = self._error(response)
            if isinstance(error, AlpacaRateLimited):
                await self._wait_for_rate(attempt, deadline, error)
                continue
            transient = response.status_code in (
                _TRANSIENT_STATUS if safe else _NOT_PROCESSED_STATUS
            )
            if not transient or attempt >= self._max_attempts:
                raise error
            await self._back_off(attempt, deadline, error)

    # -- one attempt -----------------------------------------------------------------
    async def _send(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        json: Any,
        data: Mapping[str, str] | None,
        budget: float,
    ) -> httpx.Response:
        try:
            async with asyncio.timeout(budget):
                return await self._client.request(
                    method,
                    url,
                    params=params,
                    json=json,
                    data=data,
                    headers=self._credentials.headers(),
                    timeout=httpx.Timeout(budget),
                )
        except (TimeoutError, httpx.TimeoutException) as exc:
            raise AlpacaTimeout(f"{self.provider_name}: no answer within {budget:.3f}s") from exc
        except httpx.TransportError as exc:
            raise AlpacaConnectionError(f"{self.provider_name}: {type(exc).__name__}") from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise AlpacaHttpError(None, f"{self.provider_name}: {exc}") from exc

    def _error(self, response: httpx.Response) -> AlpacaHttpError:
        status = response.status_code
        code, message = self._error_details(response)
        if status == 429:
            wait = self._retry_after(response)
            return AlpacaRateLimited(message or "rate limited", retry_after=wait)
        retryable = status >= 500
        return AlpacaHttpError(
            status, message or response.reason_phrase, code=code, retryable=retryable
        )

    def _error_details(self, response: httpx.Response) -> tuple[int | None, str]:
        """The vendor's error code and message in a failed answer's body."""
        return _error_details(response)

    # -- waiting ---------------------------------------------------------------------
    def _time_left(self, deadline: float | None) -> float | None:
        return None if deadline is None else deadline - self._clock.monotonic()

    async def _wait_for_rate(
        self, attempt: int, deadline: float | None, error: AlpacaRateLimited
    ) -> None:
        wait = error.retry_after if error.retry_after is not None else self._delay(attempt)
        left = self._time_left(deadline)
        fits = wait <= self._max_rate_wait_s if left is None else wait < left
        if not fits or attempt >= self._max_attempts:
            raise error
        await self._clock.sleep(wait)

    async def _back_off(self, attempt: int, deadline: float | None, error: AlpacaHttpError) -> None:
        delay = self._delay(attempt)
        left = self._time_left(deadline)
        if left is not None and delay >= left:
            raise error
        await self._clock.sleep(delay)

    def _delay(self, attempt: int) -> float:
        # Full-ish jitter: half fixed, half random, so concurrent callers spread out.
        ceiling = min(self._max_backoff_s, self._backoff_s * 2.0 ** (attempt - 1))
        return ceiling * (0.5 + 0.5 * self._rng.random())

    # -- headers ---------------------------------------------------------------------
    def _track(self, response: httpx.Response) -> None:
        headers = response.headers
        limit = header_int(headers.get(self.limit_header))
        remaining = header_int(headers.get(self.remaining_header))
        if limit is None or remaining is None:
            return
        resets_at = self._resets_at(headers)
        self._rate = RateLimitUsage(limit=limit, remaining=remaining, resets_at=resets_at)

    def _resets_at(self, headers: httpx.Headers) -> datetime | None:
        """When the request budget refills: X-RateLimit-Reset, in epoch seconds."""
        reset = header_int(headers.get("x-ratelimit-reset"))
        return datetime.fromtimestamp(reset, UTC) if reset is not None else None

    def _retry_after(self, response: httpx.Response) -> float | None:
        """Seconds to wait: Retry-After (seconds or an HTTP date), else until the budget
        refills."""
        now = self._clock.now()
        value = response.headers.get("retry-after")
        if value is not None:
            try:
                return max(0.0, float(value))
            except ValueError:
                pass
            try:
                when: datetime = parsedate_to_datetime(value)
                return max(0.0, (when - now).total_seconds())
            except (TypeError, ValueError):
                pass
        resets_at = self._resets_at(response.headers)
        if resets_at is not None:
            return max(0.0, (resets_at - now).total_seconds())
        return None


def header_int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _error_details(response: httpx.Response) -> tuple[int | None, str]:
    """Alpaca's error body is {"code": 40010001, "message": "..."}; fall back to the text."""
    try:
        body = _ERROR_DECODER.decode(response.content)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None, response.text[:200].strip()
    return body.code, body.message or ""
