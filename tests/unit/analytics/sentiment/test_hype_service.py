"""The HypeMeter use cases over the in-memory and replayed social feeds: a reading with its
keywords, the top movers, the windows it refuses."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.social import InMemorySocial
from adapters.social.replay import JsonLinesSocial
from application.markets.hype import HypeService
from domain.analytics.sentiment.errors import InvalidSentimentInput
from domain.analytics.sentiment.hype import HypeSettings
from domain.analytics.sentiment.mentions import Mention
from domain.inference.errors import ModelUnavailable
from tests.unit.analytics.sentiment.fakes import Keywords

NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)  # FakeClock's


def post(symbol: str, minutes_ago: float, ident: str, text: str = "", **counts: int) -> Mention:
    at = NOW - timedelta(minutes=minutes_ago)
    return Mention(ident, (symbol,), text or f"{symbol} post", at, "x", "@a", **counts)


def steady_then_burst(symbol: str, per_hour: int, burst: int) -> list[Mention]:
    """`per_hour` mentions in each of the 24 hours before the current one, `burst` in it."""
    out = [post(symbol, 60 * h + 1 + i, f"{symbol}-{h}-{i}") for h in range(1, 25)
           for i in range(per_hour)]  # fmt: skip
    out += [post(symbol, 1 + i, f"{symbol}-now-{i}", likes=10) for i in range(burst)]
    return out


def service(social: object, clock: FakeClock, keywords: Keywords | None = None) -> HypeService:
    return HypeService(social, clock, keywords, defaults=HypeSettings(min_mentions=3))  # type: ignore[arg-type]


async def test_a_burst_over_a_flat_baseline_is_a_spike_with_its_keywords(clock: FakeClock) -> None:
    # Arrange: 2 an hour for a day, then 12 this hour, one of them much more engaging
    social = InMemorySocial(clock)
    social.add(*steady_then_burst("ACME", 2, 11))
    social.add(post("ACME", 2, "big", "ACME earnings guidance raised sharply", likes=500))
    keywords = Keywords()

    # Act
    view = await service(social, clock, keywords).reading("acme")

    # Assert: a flat baseline (std 0) and a rise: a spike, z not defined
    reading = view.reading
    assert (reading.symbol, reading.mentions, reading.velocity) == ("ACME", 12, 12.0)
    assert reading.spike.spike and reading.spike.z is None
    assert reading.engagement == pytest.approx(11 * 10 + 500)
    assert reading.top[0][0].id == "big"
    assert keywords.texts[0].startswith("ACME earnings guidance raised sharply")
    assert view.keywords is not None
    assert {k.phrase for k in view.keywords} >= {"earnings", "guidance", "raised", "sharply"}
    assert (view.keywords_reason, view.source) == (None, "memory")


async def test_keywords_that_cannot_run_leave_the_reading_with_the_reason(
    clock: FakeClock,
) -> None:
    social = InMemorySocial(clock)
    social.add(*steady_then_burst("ACME", 1, 2))

    failing = service(social, clock, Keywords(failure=ModelUnavailable("no models")))
    failed = await failing.reading("ACME")
    off = await service(social, clock, None).reading("ACME")
    unasked = await service(social, clock, Keywords()).reading("ACME", keywords=False)

    assert (failed.keywords, failed.keywords_reason) == (None, "MODEL_UNAVAILABLE")
    assert (off.keywords, off.keywords_reason) == (None, "KEYWORDS_OFF")
    assert unasked.keywords_reason == "NOT_ASKED"


async def test_movers_put_spikes_first_then_the_highest_z(clock: FakeClock) -> None:
    # Arrange: BOLT spikes; ACME is busy but steady; CRUX rises a little
    social = InMemorySocial(clock)
    social.add(*steady_then_burst("BOLT", 1, 9))
    social.add(*steady_then_burst("ACME", 20, 20))
    social.add(*steady_then_burst("CRUX", 1, 2))

    # Act
    movers = await service(social, clock).movers(limit=2)

    # Assert
    assert movers.candidates == 3
    assert [r.symbol for r in movers.items] == ["BOLT", "CRUX"]
    assert movers.items[0].spike.spike and not movers.items[1].spike.spike


async def test_windows_out_of_range_are_refused_naming_the_field(clock: FakeClock) -> None:
    hype = service(InMemorySocial(clock), clock)

    for window, baseline, field in ((4, None, "window_minutes"), (None, 200, "baseline_windows"),
                                    (1440, 48, "baseline_windows")):  # fmt: skip
        with pytest.raises(InvalidSentimentInput) as raised:
            await hype.reading("ACME", window, baseline)
        assert raised.value.field == field
    with pytest.raises(InvalidSentimentInput, match="not a symbol"):
        await hype.reading("no such symbol")
    with pytest.raises(InvalidSentimentInput, match="limit"):
        await hype.movers(limit=51)


async def test_the_replayed_file_shows_each_mention_once_the_clock_reaches_it(
    clock: FakeClock, tmp_path: Path
) -> None:
    # Arrange: one mention in the past, one in ten minutes, a malformed line between
    path = tmp_path / "mentions.jsonl"
    lines = [
        {"id": "a", "symbols": ["ACME"], "text": "ACME up", "posted_at": "2026-01-05T14:00:00Z"},
        "not json",
        {"id": "b", "symbols": ["ACME"], "text": "ACME more", "posted_at": "2026-01-05T14:40:00Z"},
        {"id": "c", "symbols": ["ACME"], "text": "no zone", "posted_at": "2026-01-05T14:00:00"},
    ]
    path.write_text("\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines) + "\n")
    social = JsonLinesSocial(path, clock, recheck_s=0.0)
    since = NOW - timedelta(hours=2)

    # Act
    before = await social.mentions("ACME", since, NOW + timedelta(hours=1))
    clock.advance(timedelta(minutes=15))
    after = await social.mentions("ACME", since, NOW + timedelta(hours=1))

    # Assert
    assert [m.id for m in before] == ["a"]
    assert [m.id for m in after] == ["a", "b"]
    assert social.skipped == 2
    assert social.problems[0].startswith("line 2:") and social.problems[1].startswith("line 4:")


async def test_the_replayed_file_is_read_again_when_it_changes(
    clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "mentions.jsonl"
    row = {"id": "a", "symbols": ["ACME"], "text": "x", "posted_at": "2026-01-05T14:00:00Z"}
    path.write_text(json.dumps(row) + "\n")
    social = JsonLinesSocial(path, clock, recheck_s=0.0)
    window = (NOW - timedelta(hours=1), NOW)
    assert await social.counts(*window) == {"ACME": 1}

    path.write_text(json.dumps(row) + "\n" + json.dumps({**row, "id": "b", "symbols": ["BOLT"]}))
    os.utime(path, ns=(1, 2))  # a new modification time whatever the file system's grain
    missing = JsonLinesSocial(tmp_path / "none.jsonl", clock)

    assert await social.counts(*window) == {"ACME": 1, "BOLT": 1}
    assert await missing.counts(*window) == {}
