"""The surveillance store: one contract on memory, SQLite and PostgreSQL
(ports/surveillance/surveillance.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.memory.surveillance import InMemorySurveillanceStore
from adapters.postgres.surveillance import SqlSurveillanceStore
from domain.errors import ConcurrentUpdate
from domain.surveillance.cases import AlertAction, AlertStatus
from domain.surveillance.detections import AbusePattern, AlertSeverity
from ports.surveillance.surveillance import AlertQuery, Checkpoint, SurveillanceStore
from tests.integration.store.conftest import StoreUnderTest
from tests.unit.surveillance.cases import T0, alert


@pytest.fixture
def repo(store: StoreUnderTest) -> SurveillanceStore:
    return store.adapter(InMemorySurveillanceStore, SqlSurveillanceStore)


def checkpoint(events: int, offsets: dict[str, int]) -> Checkpoint:
    state = bytes(range(256)) * 4  # any bytes, kept exactly
    return Checkpoint("surveil", state, offsets, events, T0 + timedelta(seconds=events))


async def test_alerts_and_the_checkpoint_are_stored_together_and_replays_skipped(
    repo: SurveillanceStore,
) -> None:
    # Arrange
    first = [alert(0), alert(1, severity=AlertSeverity.MEDIUM)]

    # Act
    inserted = await repo.record(first, checkpoint(10, {"events:0": 5, "events:1": 7}))
    again = await repo.record([alert(1), alert(2)], checkpoint(20, {"events:0": 9}))

    # Assert
    assert inserted == {first[0].id, first[1].id}
    assert again == {alert(2).id}
    saved = await repo.checkpoint("surveil")
    assert saved is not None
    assert (saved.events, dict(saved.offsets)) == (20, {"events:0": 9})
    assert saved.state == checkpoint(0, {}).state
    assert saved.saved_at == T0 + timedelta(seconds=20)
    assert await repo.checkpoint("other") is None


async def test_an_alert_reads_back_whole(repo: SurveillanceStore) -> None:
    # Arrange
    original = alert(3, agents=("bot-1", "bot-2"))
    await repo.record([original], None)

    # Act
    loaded = await repo.get(original.id)

    # Assert
    assert loaded is not None
    assert loaded.detection == original.detection
    assert (loaded.status, loaded.action, loaded.version) == (
        AlertStatus.OPEN, AlertAction.PENDING, 1
    )  # fmt: skip
    assert loaded.created_at == original.created_at
    assert await repo.get("sa-missing") is None


async def test_a_review_saves_when_the_version_is_still_current(repo: SurveillanceStore) -> None:
    # Arrange
    await repo.record([alert(0)], None)
    mine = await repo.get(alert(0).id)
    theirs = await repo.get(alert(0).id)
    assert mine is not None and theirs is not None

    # Act
    mine.move(AlertStatus.ACKNOWLEDGED, "ro-1", T0, "looking")
    await repo.save(mine, 1)
    theirs.move(AlertStatus.ACKNOWLEDGED, "ro-2", T0, None)

    # Assert
    with pytest.raises(ConcurrentUpdate):
        await repo.save(theirs, 1)
    stored = await repo.get(alert(0).id)
    assert stored is not None
    assert (stored.status, stored.acknowledged_by, stored.note, stored.version) == (
        AlertStatus.ACKNOWLEDGED, "ro-1", "looking", 2
    )  # fmt: skip


async def test_listings_filter_and_page_newest_first(repo: SurveillanceStore) -> None:
    # Arrange: two alerts at the same moment (ordered by id), then others
    same = [alert(5, owner="u-1"), alert(5, owner="u-2")]
    others = [alert(i, owner="u-1", pattern=AbusePattern.LAYERING) for i in (1, 2, 9)]
    await repo.record([*same, *others], None)

    # Act
    everything = await repo.find(AlertQuery(limit=100))
    first = await repo.find(AlertQuery(limit=2))
    last = first[-1]
    rest = await repo.find(AlertQuery(limit=100, before=(last.detection.detected_at, last.id)))
    layering = await repo.find(AlertQuery(pattern=AbusePattern.LAYERING, owner_id="u-1"))
    nothing = await repo.find(AlertQuery(symbol="MSFT"))

    # Assert
    keys = [(-a.detection.detected_us, a.id) for a in everything]
    assert keys == sorted(keys) and len(keys) == 5
    assert [a.id for a in first + rest] == [a.id for a in everything]
    assert {a.detection.pattern for a in layering} == {AbusePattern.LAYERING} and len(layering) == 3
    assert nothing == []


async def test_pending_lists_undone_actions_of_open_cases_oldest_first(
    repo: SurveillanceStore,
) -> None:
    # Arrange
    done, pending, failed, closed = alert(0), alert(1), alert(2), alert(3)
    await repo.record([done, pending, failed, closed], None)
    for case, action in ((done, AlertAction.PAUSED), (failed, AlertAction.FAILED)):
        case.acted(action, "")
        await repo.save(case, 1)
    closed.move(AlertStatus.ACKNOWLEDGED, "ro-1", T0, None)
    closed.move(AlertStatus.CLOSED, "ro-1", T0, "a false positive")
    await repo.save(closed, 1)

    # Act
    undone = await repo.pending()

    # Assert
    assert [a.id for a in undone] == [pending.id, failed.id]
