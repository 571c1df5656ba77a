"""Who shares the quote board: publishers own a feed or serve, `bulwark consume` follows."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from bootstrap.consume import prepare_consume_process
from bootstrap.containers.application import build_container
from bootstrap.quote_board import Process, Role, board_role
from bootstrap.settings import SettingsError, load_settings
from ports.market_data.marketdata import Quote
from tests.kit.settings import settings_of

REDIS = {"redis_url": "redis://localhost:6379/0"}


def role_of(process: Process, **env: str) -> Role:
    return board_role(settings_of(**env), process)


@pytest.mark.parametrize(
    ("process", "env", "role"),
    [
        ("serve", {}, "local"),
        ("consume", {}, "local"),
        ("serve", REDIS, "publish"),
        ("consume", REDIS, "follow"),
        ("consume", {**REDIS, "synthetic_tick_seconds": "1"}, "publish"),
        ("consume", {**REDIS, "quote_board": "publish"}, "publish"),
        ("serve", {**REDIS, "quote_board": "follow"}, "follow"),
        ("serve", {**REDIS, "quote_board": "local"}, "local"),
        ("serve", {"quote_board": "follow"}, "local"),
    ],
)
def test_the_role_follows_redis_the_process_and_the_setting(
    process: Process, env: dict[str, str], role: Role
) -> None:
    # Act / Assert
    assert role_of(process, **env) == role


def test_a_heartbeat_as_long_as_the_maximum_age_is_refused() -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="QUOTE_BOARD_HEARTBEAT_SECONDS"):
        role_of("serve", quote_board_heartbeat_seconds="10", quote_max_age_seconds="10")


def test_a_board_applies_a_quote_with_its_own_time_and_never_an_older_one() -> None:
    # Arrange
    clock = FakeClock()
    board = InMemoryMarketData(clock)
    heard: list[Quote] = []
    board.subscribe(heard.append)
    newer = Quote("AAPL", Decimal(99), Decimal(101), Decimal(100), clock.now())
    older = Quote("AAPL", Decimal(9), Decimal(11), Decimal(10), clock.now() - timedelta(seconds=1))

    # Act
    taken = (board.apply(newer), board.apply(older))

    # Assert
    assert taken == (True, False)
    assert board.latest("AAPL") == newer
    assert heard == [newer]


async def test_a_consume_process_without_redis_sets_the_demo_prices_when_asked() -> None:
    # Arrange
    container = build_container(
        load_settings(
            {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://", "BULWARK_DEMO": "true"},
            env_file=None,
        )
    )

    # Act
    prepare_consume_process(container)

    # Assert
    assert container.core.process() == "consume"
    assert container.market_data.board_role() == "local"
    prices = await container.core.market().reference_prices(["AAPL", "SPY"])
    assert prices == {"AAPL": Decimal("190.00"), "SPY": Decimal("560.00")}


async def test_a_consume_process_with_redis_follows_and_sets_no_prices_of_its_own() -> None:
    # Arrange
    container = build_container(
        load_settings(
            {
                "BULWARK_ENV": "test",
                "BULWARK_DATABASE_URL": "memory://",
                "BULWARK_DEMO": "true",
                "BULWARK_REDIS_URL": "redis://localhost:6379/0",
            },
            env_file=None,
        )
    )

    # Act
    prepare_consume_process(container)

    # Assert
    assert container.market_data.board_role() == "follow"
    assert container.core.market().symbols() == []
