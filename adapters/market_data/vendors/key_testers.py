"""Test-connection of Twelve Data and Databento keys for the vault (Yahoo takes no key).

Each asks the vendor's cheapest call that needs the key and costs no data credit: Twelve
Data's /api_usage (through its client), Databento's GET /v0/metadata.list_datasets. The
answer carries the vendor's reason and status, never the key.
"""

from __future__ import annotations

from adapters.market_data.vendors import databento, twelvedata
from adapters.market_data.vendors._rest import VendorHttp
from ports.core.clock import Clock
from ports.keys.key_vault import ConnectionReport, KeyMaterial, TestOutcome
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable


def _report(exc: QuoteUnavailable) -> ConnectionReport:
    if isinstance(exc, ProviderError) and not exc.retryable and "refused" in exc.message:
        status = 401 if "401" in exc.message else 403 if "403" in exc.message else None
        return ConnectionReport(TestOutcome.REFUSED, exc.message, status)
    status = 429 if isinstance(exc, ProviderRateLimited) else None
    return ConnectionReport(TestOutcome.UNREACHABLE, str(exc), status)


class TwelveDataKeyTester:
    """A KeyTester for provider "twelvedata": the key is the vault key's secret."""

    def __init__(
        self, clock: Clock, *, base_url: str = twelvedata.BASE_URL, timeout_s: float = 5.0
    ) -> None:
        self._clock = clock
        self._base_url = base_url
        self._timeout_s = timeout_s

    async def test(self, material: KeyMaterial) -> ConnectionReport:
        vendor = twelvedata.TwelveDataMarketData(
            material.current.secret, self._clock, base_url=self._base_url,
            timeout_s=self._timeout_s,
        )  # fmt: skip
        try:
            await vendor.api_usage()
        except QuoteUnavailable as exc:
            return _report(exc)
        finally:
            await vendor.aclose()
        return ConnectionReport(TestOutcome.OK, "Twelve Data accepted the key", 200)


class DatabentoKeyTester:
    """A KeyTester for provider "databento": the key is the vault key's secret."""

    def __init__(
        self, clock: Clock, *, base_url: str = databento.BASE_URL, timeout_s: float = 5.0
    ) -> None:
        self._clock = clock
        self._base_url = base_url
        self._timeout_s = timeout_s

    async def test(self, material: KeyMaterial) -> ConnectionReport:
        http = VendorHttp(
            databento.NAME, self._base_url, self._clock, per_minute=10,
            timeout_s=self._timeout_s, auth=(material.current.secret, ""),
        )  # fmt: skip
        try:
            await http.get_json("/v0/metadata.list_datasets")
        except QuoteUnavailable as exc:
            return _report(exc)
        finally:
            await http.aclose()
        return ConnectionReport(TestOutcome.OK, "Databento accepted the key", 200)
