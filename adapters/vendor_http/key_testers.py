"""Test-connection for the data vendors' keys: one cheap authenticated call with the key.

A vendor key in the vault is a single token: the vault key's secret is the API key (its key id
is only what the owner recognises it by). The probes are free-tier calls: Polygon
/v3/reference/tickers?limit=1, Finnhub /quote?symbol=AAPL, Alpha Vantage GLOBAL_QUOTE of IBM.
The report carries the vendor's own reason and the HTTP status, never the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.vendor_http.apis import alphavantage_api, finnhub_api, polygon_api
from adapters.vendor_http.client import VendorApi, VendorHttp
from ports.core.clock import Clock
from ports.keys.key_vault import ConnectionReport, KeyMaterial, TestOutcome
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable


@dataclass(frozen=True, slots=True)
class Probe:
    path: str
    params: Mapping[str, Any] = field(default_factory=dict)


PROBES: dict[str, Probe] = {
    "polygon": Probe("/v3/reference/tickers", {"limit": 1}),
    "finnhub": Probe("/quote", {"symbol": "AAPL"}),
    "alphavantage": Probe("/query", {"function": "GLOBAL_QUOTE", "symbol": "IBM"}),
}
APIS: dict[str, Callable[[str], VendorApi]] = {
    "polygon": polygon_api,
    "finnhub": finnhub_api,
    "alphavantage": alphavantage_api,
}


class VendorKeyTester:
    """A KeyTester for one vendor (one short call: a test must answer quickly)."""

    def __init__(self, vendor: str, base_url: str, clock: Clock, *, timeout_s: float = 5.0) -> None:
        self._api = APIS[vendor](base_url)
        self._probe = PROBES[vendor]
        self._clock = clock
        self._timeout_s = timeout_s

    async def test(self, material: KeyMaterial) -> ConnectionReport:
        http = VendorHttp(
            self._api, material.current.secret, self._clock,
            calls_per_minute=1, timeout_s=self._timeout_s,
        )  # fmt: skip
        try:
            await http.get_json(self._probe.path, self._probe.params)
        except ProviderRateLimited:
            reason = "the vendor answered rate limited: try again later"
            return ConnectionReport(TestOutcome.UNREACHABLE, reason, http.last_status)
        except ProviderError as exc:
            outcome = TestOutcome.UNREACHABLE if exc.retryable else TestOutcome.REFUSED
            return ConnectionReport(outcome, exc.message, http.last_status)
        except QuoteUnavailable as exc:
            return ConnectionReport(TestOutcome.UNREACHABLE, str(exc), http.last_status)
        finally:
            await http.aclose()
        return ConnectionReport(
            TestOutcome.OK, f"{self._api.name} accepted the key", http.last_status
        )
