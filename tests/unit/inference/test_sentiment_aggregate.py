"""Per-symbol sentiment: source weights, recency decay, authenticity, exclusions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.inference.sentiment import NewsItem, SentimentSettings, aggregate, authenticity

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
POSITIVE = {"negative": 0.0, "neutral": 0.0, "positive": 1.0}
NEGATIVE = {"negative": 1.0, "neutral": 0.0, "positive": 0.0}


def item(
    id_: str, hours_ago: float, source: str = "wire", headline: str = "Acme beats forecasts"
) -> NewsItem:
    return NewsItem(id_, ("ACME",), headline, source, NOW - timedelta(hours=hours_ago))


def test_the_score_is_the_weighted_mean_with_recency_decay() -> None:
    # Arrange: a positive item now and a negative one a half-life ago (weight 1 and 0.5)
    settings = SentimentSettings(source_weights={"wire": 1.0}, half_life_hours=24)
    classified = [
        (item("a", 0), "positive", POSITIVE),
        (item("b", 24, headline="Acme misses forecasts"), "negative", NEGATIVE),
    ]

    # Act
    found = aggregate("ACME", classified, NOW, settings)

    # Assert: (1 * 1 + 0.5 * -1) / 1.5
    assert found.score == pytest.approx(1 / 3, abs=1e-4)
    assert found.label == "positive"
    assert found.items == 2
    assert found.shares["positive"] == pytest.approx(2 / 3, abs=1e-4)
    assert [s.item.id for s in found.top] == ["a", "b"]


def test_a_heavier_source_outweighs_a_lighter_one() -> None:
    # Arrange
    settings = SentimentSettings(source_weights={"wire": 1.0, "forum": 0.1})
    classified = [
        (item("a", 1, "wire", "Acme cuts guidance"), "negative", NEGATIVE),
        (item("b", 1, "forum", "Acme is going up"), "positive", POSITIVE),
    ]

    # Act
    found = aggregate("ACME", classified, NOW, settings)

    # Assert
    assert found.label == "negative"
    assert found.score == pytest.approx((0.1 - 1.0) / 1.1, abs=1e-4)


def test_a_pumped_post_counts_for_little() -> None:
    # Arrange
    pumped = NewsItem(
        "p", ("ACME",), "ACME TO THE MOON!!! 100x guaranteed $ACME $BOLT $CRUX $DYNO", "forum", NOW
    )
    plain = NewsItem("q", ("ACME",), "Acme files its annual report", "forum", NOW)

    # Act / Assert
    assert authenticity(pumped) < 0.05
    assert authenticity(plain) == 1.0
    assert authenticity(plain, repeats=4) == 0.5


def test_old_and_future_items_are_left_out_and_no_items_is_neutral_with_no_score() -> None:
    # Arrange
    settings = SentimentSettings(max_age_hours=48)
    stale = (item("old", 49), "positive", POSITIVE)
    future = (item("later", -1), "positive", POSITIVE)

    # Act
    found = aggregate("ACME", [stale, future], NOW, settings)

    # Assert
    assert (found.score, found.label, found.items, found.authenticity) == (
        None, "neutral", 0, None
    )  # fmt: skip


def test_settings_refuse_a_non_positive_half_life() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="half_life_hours"):
        SentimentSettings(half_life_hours=0)
