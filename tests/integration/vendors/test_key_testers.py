"""The vault's test-connection for Twelve Data and Databento keys against the local replays."""

from __future__ import annotations

import pytest

from adapters.market_data.vendors.key_testers import DatabentoKeyTester, TwelveDataKeyTester
from adapters.memory.clock import FakeClock
from bootstrap.key_vault import key_testers
from bootstrap.settings import load_settings
from ports.keys.key_vault import Credentials, KeyMaterial
from ports.keys.key_vault import TestOutcome as Outcome
from tests.integration.vendors.replay_server import ReplayServer, Reply
from tests.integration.vendors.vendor_routes import DATABENTO_KEY, TWELVEDATA_KEY


def material(provider: str, secret: str) -> KeyMaterial:
    return KeyMaterial("vk-1", provider, True, Credentials(key_id="-", secret=secret))


def key_tester(provider: str, server: ReplayServer, clock: FakeClock):  # type: ignore[no-untyped-def]
    if provider == "twelvedata":
        return TwelveDataKeyTester(clock, base_url=server.url)
    return DatabentoKeyTester(clock, base_url=server.url)


GOOD = {"twelvedata": TWELVEDATA_KEY, "databento": DATABENTO_KEY}


@pytest.mark.parametrize("provider", ["twelvedata", "databento"])
async def test_a_good_key_is_ok(provider: str, server: ReplayServer, clock: FakeClock) -> None:
    # Arrange
    check = key_tester(provider, server, clock)

    # Act
    report = await check.test(material(provider, GOOD[provider]))

    # Assert
    assert report.outcome is Outcome.OK


@pytest.mark.parametrize("provider", ["twelvedata", "databento"])
async def test_a_refused_key_is_refused_and_the_key_is_not_in_the_reason(
    provider: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    check = key_tester(provider, server, clock)

    # Act
    report = await check.test(material(provider, "wrong-key-123456"))

    # Assert
    assert report.outcome is Outcome.REFUSED
    assert "wrong-key-123456" not in report.reason


async def test_an_outage_is_unreachable_not_refused(server: ReplayServer, clock: FakeClock) -> None:
    # Arrange
    server.route("GET", "/v0/metadata.list_datasets", lambda s: Reply(503, {"detail": "down"}))
    check = key_tester("databento", server, clock)

    # Act
    report = await check.test(material("databento", DATABENTO_KEY))

    # Assert
    assert report.outcome is Outcome.UNREACHABLE


def test_the_vault_knows_testers_for_both_and_yahoo_needs_none() -> None:
    # Arrange
    from adapters.memory.clock import SystemClock
    from domain.keys.keys import PROVIDERS

    # Act
    testers = key_testers(load_settings({}), SystemClock())

    # Assert
    assert {"alpaca", "twelvedata", "databento"} <= set(testers)
    assert {"twelvedata", "databento"} <= set(PROVIDERS) and "yahoo" not in PROVIDERS
