"""The alert latency benchmark at its smallest: one round of each kind against a served app,
every notice seen on every channel, its figures printed beside the targets."""

from __future__ import annotations

import pytest

from benchmarks.bench_alert_latency import CHANNELS, KINDS, main

pytestmark = pytest.mark.integration


def test_one_round_of_each_kind_reaches_every_channel_and_is_reported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    figures = main(["--rounds", "1", "--heartbeats", "1"])

    # Assert
    printed = capsys.readouterr().out
    assert figures is not None, printed
    assert figures.problems == [], printed
    assert dict(figures.missed) == {}, printed
    for kind in KINDS:
        for channel in CHANNELS:
            assert len(figures.delays[(KINDS[kind], channel)]) == 1, (kind, channel, printed)
    assert "| every kind | webhook | 4 |" in printed
    assert set(figures.server) >= set(CHANNELS)  # the server's own histogram, scraped
