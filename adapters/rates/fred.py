"""FRED's series/observations endpoint (JSON) as a RatesPort.

GET {base}/series/observations?series_id=DGS10&api_key=...&file_type=json
    &observation_start=YYYY-MM-DD&observation_end=YYYY-MM-DD[&offset=N]
answers {"realtime_start", ..., "count", "offset", "limit", "observations": [{"realtime_start",
"realtime_end", "date": "2024-01-02", "value": "3.95" or "."}]}
(https://fred.stlouisfed.org/docs/api/fred/series_observations.html).

The API key never leaves this module in the clear: it is added to the query string by the
transport, below httpx's client, so the request httpx logs ("HTTP Request: GET ...") and
attaches to its errors carries no key; upstream messages are scrubbed of it as well, and
the key is never logged, put in an error or echoed in a response.

Errors: FRED's 400 "The series does not exist." -> UnknownSeries (404); 429, 5xx, a
timeout, a connection failure, a refused key or an unreadable body -> RatesUnavailable
(503 with Retry-After: FRED's Retry-After when it sends one).
A small in-process cache keeps answers for `cache_ttl_s` (FRED publishes once a day).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx
import structlog

from adapters.rates.curves import treasury_curve
from adapters.tls import json_api_client
from domain.fixedincome.curve import YieldCurve
from ports.markets.rates import RateObservation, RatesUnavailable, UnknownSeries

DEFAULT_URL = "https://api.stlouisfed.org/fred"
MISSING = "."  # FRED's value of a day without an observation
RETRY_AFTER_BUSY_S = 60.0  # 429 without a Retry-After
RETRY_AFTER_DOWN_S = 30.0  # 5xx, timeouts, connection failures
RETRY_AFTER_KEY_S = 300.0  # the key is refused: an operator must fix the setting
MAX_PAGES = 20  # 100,000 observations a page: no FRED series is longer than a few pages

_log = structlog.get_logger("bulwark.rates.fred")


class _KeyedTransport(httpx.AsyncBaseTransport):
    """Adds `api_key` to each request's query just before it is sent, out of httpx's logs."""

    def __init__(self, inner: httpx.AsyncBaseTransport, api_key: str) -> None:
        self._inner = inner
        self._api_key = api_key

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        keyed = httpx.Request(
            request.method,
            request.url.copy_add_param("api_key", self._api_key),
            headers=request.headers,
            stream=request.stream,
            extensions=request.extensions,
        )
        return await self._inner.handle_async_request(keyed)

    async def aclose(self) -> None:
        await self._inner.aclose()

    def __repr__(self) -> str:
        return "_KeyedTransport(api_key='***')"


def fred_client(
    api_key: str, *, timeout_s: float = 10.0, inner: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """An httpx client whose requests carry the key (added by the transport)."""
    transport = _KeyedTransport(inner or httpx.AsyncHTTPTransport(retries=1), api_key)
    return json_api_client(transport, timeout_s, "bulwark-rates")


class FredRates:
    """RatesPort over FRED. `api_key` only scrubs upstream text: the client carries it."""

    name = "fred"

    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str = DEFAULT_URL,
        *,
        api_key: str = "",
        cache_ttl_s: float = 3600.0,
        cache_size: int = 256,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._url = base_url.rstrip("/") + "/series/observations"
        self._secret = api_key
        self._ttl = cache_ttl_s
        self._size = cache_size
        self._now = monotonic
        self._cache: OrderedDict[tuple[str, date, date], tuple[float, list[RateObservation]]]
        self._cache = OrderedDict()
        self.requests = 0  # calls that reached FRED (tests read it to see the cache work)

    async def series(self, series_id: str, start: date, end: date) -> list[RateObservation]:
        key = (series_id.upper(), start, end)
        hit = self._cache.get(key)
        if hit is not None and hit[0] > self._now():
            self._cache.move_to_end(key)
            return list(hit[1])
        observations = await self._fetch(*key)
        self._cache[key] = (self._now() + self._ttl, observations)
        self._cache.move_to_end(key)
        while len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return list(observations)

    async def curve(self, day: date) -> YieldCurve | None:
        return await treasury_curve(self.series, day)

    async def _fetch(self, series_id: str, start: date, end: date) -> list[RateObservation]:
        found: dict[date, Decimal | None] = {}
        offset = 0
        for _ in range(MAX_PAGES):
            body = await self._page(series_id, start, end, offset)
            rows = body.get("observations")
            if not isinstance(rows, list):
                raise self._unreadable(series_id, "no observations list")
            for row in rows:
                day, value = self._row(series_id, row)
                if start <= day <= end:
                    found[day] = value
            offset += len(rows)
            count = body.get("count")
            if not rows or not isinstance(count, int) or offset >= count:
                break
        return [RateObservation(day, found[day]) for day in sorted(found)]

    async def _page(self, series_id: str, start: date, end: date, offset: int) -> dict[str, Any]:
        params: dict[str, str | int] = {
            "series_id": series_id,
            "file_type": "json",
            "observation_start": start.isoformat(),
            "observation_end": end.isoformat(),
        }
        if offset:
            params["offset"] = offset
        self.requests += 1
        try:
            response = await self._client.get(self._url, params=params)
        except httpx.TimeoutException:
            raise self._down(series_id, "FRED did not answer in time", None) from None
        except httpx.HTTPError as error:
            reason = f"FRED could not be reached ({type(error).__name__})"
            raise self._down(series_id, reason, None) from None
        if response.status_code == 200:
            try:
                body = response.json()
            except ValueError:
                raise self._unreadable(series_id, "not JSON") from None
            if not isinstance(body, dict):
                raise self._unreadable(series_id, "not a JSON object")
            return body
        raise self._refusal(series_id, response)

    def _refusal(self, series_id: str, response: httpx.Response) -> Exception:
        status = response.status_code
        message = self._scrub(_error_message(response))
        if status == 400 and "does not exist" in message.lower():
            return UnknownSeries(f"FRED has no series {series_id!r}", field="series_id")
        if status == 429:
            retry = _retry_after(response) or RETRY_AFTER_BUSY_S
            return self._down(series_id, "FRED is rate-limiting this key (429)", status, retry)
        if status >= 500:
            retry = _retry_after(response) or RETRY_AFTER_DOWN_S
            return self._down(series_id, f"FRED is failing ({status})", status, retry)
        if "api_key" in message.lower() or status in (401, 403):
            return self._down(
                series_id,
                "FRED refused the API key: check BULWARK_FRED_API_KEY",
                status,
                RETRY_AFTER_KEY_S,
            )
        detail = f": {message[:200]}" if message else ""
        return self._down(series_id, f"FRED refused the request ({status}){detail}", status)

    def _row(self, series_id: str, row: object) -> tuple[date, Decimal | None]:
        if not isinstance(row, dict):
            raise self._unreadable(series_id, "an observation is not an object")
        try:
            day = date.fromisoformat(row["date"])
            text = row["value"]
            if text == MISSING:
                return day, None
            value = Decimal(text)
        except (KeyError, TypeError, ValueError, InvalidOperation):
            raise self._unreadable(series_id, "an observation without a date or value") from None
        if not value.is_finite():
            raise self._unreadable(series_id, "a value that is not a number")
        return day, value

    def _down(
        self,
        series_id: str,
        message: str,
        status: int | None,
        retry_after: float = RETRY_AFTER_DOWN_S,
    ) -> RatesUnavailable:
        _log.warning("fred_unavailable", series_id=series_id, status=status, reason=message)
        return RatesUnavailable(message, retry_after=retry_after)

    def _unreadable(self, series_id: str, what: str) -> RatesUnavailable:
        return self._down(series_id, f"FRED answered a body this adapter cannot read: {what}", 200)

    def _scrub(self, text: str) -> str:
        return text.replace(self._secret, "***") if self._secret else text

    def __repr__(self) -> str:
        return f"FredRates(url={self._url!r})"


def _error_message(response: httpx.Response) -> str:
    """FRED's {"error_code": 400, "error_message": "..."}, or '' for any other body."""
    try:
        body = response.json()
    except ValueError:
        return ""
    message = body.get("error_message") if isinstance(body, dict) else None
    return message if isinstance(message, str) else ""


def _retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds (the delta form; an HTTP date is ignored), 1 s to 1 h."""
    text = response.headers.get("Retry-After", "")
    try:
        seconds = float(text)
    except ValueError:
        return None
    return min(max(seconds, 1.0), 3600.0)
