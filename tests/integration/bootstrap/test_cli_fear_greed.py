"""`bulwark fear-greed record` against the embedded SQLite store, the demo's synthetic market
and the settings that wire the sentiment indices."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from dependency_injector import providers

from adapters.marketfiles.sentiment_series import FileMarketSeries
from adapters.memory.clock import FakeClock
from adapters.memory.social import InMemorySocial
from adapters.social.replay import JsonLinesSocial
from application.markets.fear_greed_chain import ChainSeries
from bootstrap import sentiment_indices
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import SettingsError
from tests.kit.cli import cli_container, run_cli
from tests.kit.settings import settings_of


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    settings = settings_of(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}", demo="true"
    )
    async with cli_container(settings, clock=FakeClock()) as c:  # Monday 2026-01-05
        yield c


async def test_record_stores_the_day_once_from_the_demo_market(
    container: ApplicationContainer,
) -> None:
    # Act
    first = await run_cli(container, "fear-greed", "record")
    again = await run_cli(container, "fear-greed", "record")
    replaced = await run_cli(container, "fear-greed", "record", "--overwrite")

    # Assert: VIX and put/call from SPY's chain, momentum and breadth from the synthetic bars;
    # no news, so no social sentiment (80% of the weight)
    assert first[0] == 0, first[1]
    assert first[1].startswith("fear-greed 2026-01-05: ")
    assert "(coverage 80%; vix " in first[1] and "breadth" in first[1]
    assert again == (0, "fear-greed 2026-01-05: stored already (--overwrite replaces it)\n")
    assert replaced[0] == 0
    stored = await container.markets.fear_greed_store().last(date(2026, 1, 5), 5)
    assert [r.day for r in stored] == [date(2026, 1, 5)]
    assert stored[0].sources["vix"] == "chain"


async def test_record_fails_with_the_reasons_when_too_little_is_available(
    container: ApplicationContainer,
) -> None:
    # Arrange: an index nobody quotes and a universe of one unknown symbol
    settings = container.settings()
    container.settings.override(
        providers.Object(
            settings_of(
                database_url=settings.store.database_url,
                demo="true",
                fear_greed_index="NOPE",
                fear_greed_universe="NADA",
            )
        )
    )

    # Act
    code, out = await run_cli(container, "fear-greed", "record")

    # Assert
    assert code == 1
    assert "not recorded, the available inputs carry 0% of the weight" in out
    assert "momentum: QUOTE_UNAVAILABLE" in out


def test_the_settings_choose_the_sources(tmp_path: Path) -> None:
    # Arrange
    mentions = tmp_path / "m.jsonl"
    clock = FakeClock()

    # Act
    files = sentiment_indices.fear_greed_series(
        settings_of(fear_greed_series="file"),
        None,
        None,
        clock,  # type: ignore[arg-type]
    )
    chain = sentiment_indices.fear_greed_series(settings_of(), None, None, clock)  # type: ignore[arg-type]
    replay = sentiment_indices.social_port(
        settings_of(social_source="file", social_file=str(mentions)), clock
    )
    empty = sentiment_indices.social_port(settings_of(), clock)

    # Assert
    assert isinstance(files, FileMarketSeries) and isinstance(chain, ChainSeries)
    assert chain.index == "SPY"
    assert isinstance(replay, JsonLinesSocial) and isinstance(empty, InMemorySocial)
    weights = sentiment_indices.fear_greed_weights(
        settings_of(fear_greed_weights="vix=0.5,momentum=0.5")
    )
    assert dict(weights.values) == {"vix": 0.5, "momentum": 0.5}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"fear_greed_weights": "vix=0.5,put_call=0.4"}, "must sum to 1"),
        ({"fear_greed_weights": "gold=1"}, "BULWARK_FEAR_GREED_WEIGHTS: expected name=weight"),
        ({"hype_engagement_weights": "likes=-1"}, "BULWARK_HYPE_ENGAGEMENT_WEIGHTS"),
        ({"social_source": "file"}, "BULWARK_SOCIAL_FILE is required"),
        ({"social_source": "kafka"}, "BULWARK_KAFKA_BOOTSTRAP is required"),
        ({"hype_window_minutes": "1440", "hype_baseline_windows": "24"}, "more than"),
        ({"fear_greed_min_history": "300"}, "BULWARK_FEAR_GREED_MIN_HISTORY"),
        ({"fear_greed_dir": "/no/such/dir"}, "is not a directory"),
    ],
)
def test_settings_mistakes_are_one_line(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message) as raised:
        settings_of(**env)
    assert "\n" not in raised.value.message
