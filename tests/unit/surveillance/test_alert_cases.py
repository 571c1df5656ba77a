"""Reading and reviewing alerts: who sees which, who reviews, the case's transitions, pages."""

from __future__ import annotations

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.surveillance import InMemorySurveillanceStore
from application.surveillance.alerts import AlertNotFound, InvalidAlertQuery, SurveillanceService
from domain.errors import ConcurrentUpdate, Forbidden
from domain.principals import Principal, Role
from domain.surveillance.cases import AlertStatus, InvalidAlertChange
from domain.surveillance.detections import AbusePattern
from ports.surveillance.surveillance import AlertQuery
from tests.unit.surveillance.cases import alert

OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.TRADER)
OFFICER = Principal("ro-1", Role.RISK_OFFICER)
ADMIN = Principal("ad-1", Role.ADMIN)
VIEWER = Principal("vw-1", Role.VIEWER)
AGENT = Principal("agent-1", Role.AGENT)


@pytest.fixture
async def service() -> SurveillanceService:
    store = InMemorySurveillanceStore()
    mine = [alert(i) for i in range(3)]
    theirs = [alert(10 + i, owner="u-2", pattern=AbusePattern.WASH_TRADING) for i in range(2)]
    await store.record([*mine, *theirs], None)
    return SurveillanceService(store, FakeClock())


async def ids(service: SurveillanceService, who: Principal, **filters: object) -> list[str]:
    page = await service.list(who, AlertQuery(**filters))  # type: ignore[arg-type]
    return [a.detection.owner_id for a in page.items]


async def test_the_desk_reads_every_alert_and_an_owner_only_theirs(
    service: SurveillanceService,
) -> None:
    # Act
    desk = {who.role: await ids(service, who) for who in (OFFICER, ADMIN, VIEWER)}
    owner = await ids(service, OWNER)
    asked_for_another = await ids(service, OWNER, owner_id="u-2")

    # Assert
    assert all(found == ["u-2", "u-2", "u-1", "u-1", "u-1"] for found in desk.values())
    assert owner == ["u-1"] * 3
    assert asked_for_another == []


async def test_another_owners_alert_answers_not_found_and_agents_read_none(
    service: SurveillanceService,
) -> None:
    # Arrange
    theirs = alert(10, owner="u-2", pattern=AbusePattern.WASH_TRADING).id

    # Act / Assert
    with pytest.raises(AlertNotFound):
        await service.get(OWNER, theirs)
    with pytest.raises(Forbidden):
        await service.list(AGENT, AlertQuery())
    assert (await service.get(VIEWER, theirs)).detection.owner_id == "u-2"


async def test_a_risk_officer_acknowledges_then_closes_with_a_note(
    service: SurveillanceService,
) -> None:
    # Arrange
    case = alert(0).id

    # Act
    acknowledged = await service.review(OFFICER, case, AlertStatus.ACKNOWLEDGED, None, 1)
    closed = await service.review(OFFICER, case, AlertStatus.CLOSED, "spoofing confirmed", 2)

    # Assert
    assert (acknowledged.acknowledged_by, closed.closed_by) == (OFFICER.id, OFFICER.id)
    stored = await service.get(VIEWER, case)
    assert (stored.status, stored.note, stored.version) == (
        AlertStatus.CLOSED, "spoofing confirmed", 3
    )  # fmt: skip


@pytest.mark.parametrize(
    ("steps", "error"),
    [
        ([(AlertStatus.CLOSED, "skipped")], InvalidAlertChange),
        ([(AlertStatus.ACKNOWLEDGED, None), (AlertStatus.CLOSED, "  ")], InvalidAlertChange),
        ([(AlertStatus.ACKNOWLEDGED, None), (AlertStatus.ACKNOWLEDGED, None)], InvalidAlertChange),
    ],
    ids=["open-to-closed", "close-without-note", "twice"],
)
async def test_the_case_workflow_refuses_other_moves(
    service: SurveillanceService,
    steps: list[tuple[AlertStatus, str | None]],
    error: type[Exception],
) -> None:
    # Arrange
    *before, last = steps
    for status, note in before:
        await service.review(OFFICER, alert(1).id, status, note)

    # Act / Assert
    with pytest.raises(error):
        await service.review(OFFICER, alert(1).id, *last)


async def test_only_risk_officers_and_admins_review(service: SurveillanceService) -> None:
    # Act / Assert
    for who in (OWNER, VIEWER):
        with pytest.raises(Forbidden):
            await service.review(who, alert(0).id, AlertStatus.ACKNOWLEDGED, None)
    with pytest.raises(AlertNotFound):
        await service.review(STRANGER, alert(0).id, AlertStatus.ACKNOWLEDGED, None)
    reviewed = await service.review(ADMIN, alert(0).id, AlertStatus.ACKNOWLEDGED, None)
    assert reviewed.status is AlertStatus.ACKNOWLEDGED


async def test_a_review_of_a_version_no_longer_current_is_a_conflict(
    service: SurveillanceService,
) -> None:
    # Arrange
    await service.review(OFFICER, alert(0).id, AlertStatus.ACKNOWLEDGED, None)

    # Act / Assert
    with pytest.raises(ConcurrentUpdate):
        await service.review(OFFICER, alert(0).id, AlertStatus.CLOSED, "late", expected_version=1)


async def test_pages_follow_the_cursor_newest_first_and_filters_apply(
    service: SurveillanceService,
) -> None:
    # Act
    first = await service.list(OFFICER, AlertQuery(limit=2))
    second = await service.list(OFFICER, AlertQuery(limit=2), first.next_cursor)
    third = await service.list(OFFICER, AlertQuery(limit=2), second.next_cursor)
    wash = await service.list(OFFICER, AlertQuery(pattern=AbusePattern.WASH_TRADING))

    # Assert
    seen = [a.detection.detected_us for page in (first, second, third) for a in page.items]
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 5
    assert third.next_cursor is None
    assert {a.detection.pattern for a in wash.items} == {AbusePattern.WASH_TRADING}
    with pytest.raises(InvalidAlertQuery):
        await service.list(OFFICER, AlertQuery(), "not-a-cursor")
