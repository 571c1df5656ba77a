"""Test-connection of the vendors' vault keys: the key the vendor accepts is OK, the one it
refuses is REFUSED with its own reason, a limit is UNREACHABLE; the key is never shown."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.memory.clock import FakeClock
from adapters.vendor_http.key_testers import VendorKeyTester
from bootstrap.key_vault import key_testers
from bootstrap.settings import Settings
from ports.keys.key_vault import Credentials, KeyMaterial
from ports.keys.key_vault import TestOutcome as Outcome
from tests.alpaca_server import AlpacaServer, Reply, Request
from tests.integration.market_data.vendors.simulated import fixture

GOOD, BAD = "good-key-123456", "bad-key-654321"

# vendor: (probe path, how the key arrives, accepted answer, refusal status and body)
CASES: dict[str, tuple[str, Any, Any, int, Any]] = {
    "polygon": (
        "/v3/reference/tickers",
        lambda r: r.headers.get("authorization", "").removeprefix("Bearer "),
        fixture("polygon", "tickers"),
        401,
        fixture("polygon", "error_unknown_key"),
    ),
    "finnhub": (
        "/quote",
        lambda r: r.headers.get("x-finnhub-token"),
        fixture("finnhub", "quote"),
        401,
        fixture("finnhub", "error_invalid_key"),
    ),
    "alphavantage": (
        "/query",
        lambda r: r.params.get("apikey"),
        fixture("alphavantage", "global_quote"),
        200,
        fixture("alphavantage", "error_apikey"),
    ),
}


def _material(vendor: str, secret: str) -> KeyMaterial:
    return KeyMaterial("vk-1", vendor, paper=False, current=Credentials("my label", secret))


def _vendor_server(server: AlpacaServer, vendor: str) -> None:
    path, key_of, accepted, status, refusal = CASES[vendor]

    def answer(request: Request) -> Reply:
        return Reply(200, accepted) if key_of(request) == GOOD else Reply(status, refusal)

    server.route("GET", path, answer)


@pytest.mark.parametrize("vendor", sorted(CASES))
async def test_a_key_the_vendor_accepts_is_ok(
    server: AlpacaServer, clock: FakeClock, vendor: str
) -> None:
    _vendor_server(server, vendor)
    tester = VendorKeyTester(vendor, server.url, clock)

    report = await tester.test(_material(vendor, GOOD))

    assert (report.outcome, report.status) == (Outcome.OK, 200)


@pytest.mark.parametrize("vendor", sorted(CASES))
async def test_a_key_the_vendor_refuses_is_refused_with_its_reason(
    server: AlpacaServer, clock: FakeClock, vendor: str
) -> None:
    _vendor_server(server, vendor)
    tester = VendorKeyTester(vendor, server.url, clock)

    report = await tester.test(_material(vendor, BAD))

    assert report.outcome is Outcome.REFUSED
    assert report.status == CASES[vendor][3]
    assert report.reason and BAD not in report.reason and BAD not in repr(report)


@pytest.mark.parametrize("vendor", sorted(CASES))
async def test_a_rate_limited_test_is_unreachable_not_refused(
    server: AlpacaServer, clock: FakeClock, vendor: str
) -> None:
    server.fail(Reply(429, {"error": "API limit reached"}))
    tester = VendorKeyTester(vendor, server.url, clock)

    report = await tester.test(_material(vendor, GOOD))

    assert (report.outcome, report.status) == (Outcome.UNREACHABLE, 429)


def test_the_vault_has_a_tester_for_alpaca_and_each_vendor(clock: FakeClock) -> None:
    testers = key_testers(Settings(), clock)

    assert set(testers) >= {"alpaca", "polygon", "finnhub", "alphavantage"}
