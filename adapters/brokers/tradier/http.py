"""Tradier's REST client: Alpaca's retry core (adapters/alpaca/http.py) with Tradier's bearer
token, its X-Ratelimit-* headers and its {"errors": {"error": [...]}} bodies.

Tradier has no maintained official Python SDK; httpx (a dependency already) speaks its
small form-encoded API directly, through the same deadline-bounded retries as Alpaca's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import msgspec

from adapters.alpaca.http import AlpacaHttp, header_int
from adapters.brokers.tradier.wire import Errors
from ports.core.clock import Clock

SANDBOX_URL = "https://sandbox.tradier.com/v1"
LIVE_URL = "https://api.tradier.com/v1"


def api_url(sandbox: bool) -> str:
    """Tradier's API base URL: its sandbox (paper trading) or the live brokerage."""
    return SANDBOX_URL if sandbox else LIVE_URL


@dataclass(frozen=True, slots=True)
class TradierToken:
    """A Tradier access token; it never appears in a repr."""

    token: str = field(repr=False)

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}


class _ErrorBody(msgspec.Struct):
    errors: Errors | None = None
    fault: dict[str, object] | None = None  # the gateway's {"fault": {"faultstring": ...}}


_ERROR_DECODER = msgspec.json.Decoder(_ErrorBody)


class TradierHttp(AlpacaHttp):
    """Tradier's API at one base URL (sandbox, live or a test server), its token on every call.

    Tradier counts requests per endpoint group in a window: each answer carries
    X-Ratelimit-Allowed / -Used / -Available and -Expiry (the window's end, epoch
    milliseconds); a 429 waits for that end when it fits the call's deadline.
    """

    limit_header = "x-ratelimit-allowed"
    remaining_header = "x-ratelimit-available"

    def __init__(
        self,
        base_url: str,
        token: TradierToken,
        *,
        clock: Clock,
        client: httpx.AsyncClient | None = None,
        timeout_s: float = 10.0,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(
            base_url,
            token,
            provider_name="tradier",
            clock=clock,
            client=client,
            timeout_s=timeout_s,
            rng=rng,
        )

    def _resets_at(self, headers: httpx.Headers) -> datetime | None:
        """When the window ends: X-Ratelimit-Expiry, in epoch milliseconds."""
        millis = header_int(headers.get("x-ratelimit-expiry"))
        return None if millis is None else datetime.fromtimestamp(millis / 1000, UTC)

    def _error_details(self, response: httpx.Response) -> tuple[int | None, str]:
        try:
            body = _ERROR_DECODER.decode(response.content)
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None, response.text[:200].strip()
        if body.errors is not None:
            return None, body.errors.line()
        if body.fault is not None:
            return None, str(body.fault.get("faultstring", "fault"))[:200]
        return None, response.text[:200].strip()
