"""Test-connection for Alpaca keys: GET /v2/account of the trading API with the key.

The answer carries Alpaca's own reason (its error message) and HTTP status, never the key.
"""

from __future__ import annotations

from collections.abc import Callable

from adapters.alpaca.http import (
    AlpacaCredentials,
    AlpacaHttp,
    AlpacaHttpError,
    AlpacaRateLimited,
    trading_url,
)
from ports.core.clock import Clock
from ports.keys.key_vault import ConnectionReport, KeyMaterial, TestOutcome


class AlpacaKeyTester:
    """A KeyTester for provider "alpaca" (one short attempt: a test must answer quickly)."""

    def __init__(
        self,
        clock: Clock,
        *,
        url_for: Callable[[bool], str] = trading_url,
        timeout_s: float = 5.0,
    ) -> None:
        self._clock = clock
        self._url_for = url_for
        self._timeout_s = timeout_s

    async def test(self, material: KeyMaterial) -> ConnectionReport:
        credentials = AlpacaCredentials(material.current.key_id, material.current.secret)
        http = AlpacaHttp(
            self._url_for(material.paper),
            credentials,
            provider_name="alpaca",
            clock=self._clock,
            timeout_s=self._timeout_s,
            max_attempts=1,
            max_rate_wait_s=0.0,
        )
        try:
            response = await http.request("GET", "/v2/account")
        except AlpacaHttpError as exc:
            return _report(exc)
        finally:
            await http.aclose()
        return ConnectionReport(
            TestOutcome.OK, "the trading API accepted the key", response.status_code
        )


def _report(exc: AlpacaHttpError) -> ConnectionReport:
    reason = exc.message
    if isinstance(exc, AlpacaRateLimited) or exc.status is None or exc.status >= 500:
        return ConnectionReport(TestOutcome.UNREACHABLE, reason, exc.status)
    return ConnectionReport(TestOutcome.REFUSED, reason, exc.status)
