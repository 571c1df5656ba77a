"""The relay of Alertmanager's alerts: one `ops.alert` per alert to each active admin and
risk officer, the subject and severity from the alert's labels and annotations."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.memory.bus import InMemoryNotifier
from application.notifications.ops_alerts import OpsAlert, OpsAlertRelay
from domain.principals import Role
from ports.core.events import Severity
from tests.kit.users import staffed_store

T0 = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
NOT_ENDED = datetime(1, 1, 1, tzinfo=UTC)  # what Alertmanager sends for a firing alert


async def relay_over_a_desk() -> tuple[OpsAlertRelay, InMemoryNotifier]:
    uow = await staffed_store(gone=Role.ADMIN, at=T0)
    notifier = InMemoryNotifier()
    return OpsAlertRelay(uow, notifier), notifier


async def test_each_alert_goes_to_each_active_admin_and_risk_officer() -> None:
    # Arrange
    relay, notifier = await relay_over_a_desk()
    alerts = [
        OpsAlert("firing", {"alertname": "A", "severity": "critical"}, {}, T0, NOT_ENDED),
        OpsAlert("firing", {"alertname": "B", "severity": "warning"}, {}, T0, NOT_ENDED),
    ]

    # Act
    sent = await relay.relay(alerts)

    # Assert
    assert sent == 4
    assert sorted(n.recipient for n in notifier.sent) == ["admin", "admin", "risk", "risk"]
    assert {n.event_type for n in notifier.sent} == {"ops.alert"}


async def test_severity_follows_the_label_and_a_resolved_alert_is_informational() -> None:
    # Arrange
    relay, notifier = await relay_over_a_desk()
    alerts = [
        OpsAlert("firing", {"alertname": "Crit", "severity": "critical"}),
        OpsAlert("firing", {"alertname": "Warn", "severity": "warning"}),
        OpsAlert("firing", {"alertname": "Bare"}),
        OpsAlert("resolved", {"alertname": "Done", "severity": "critical"}),
    ]

    # Act
    await relay.relay(alerts)

    # Assert
    by_name = {n.subject.split()[1]: n.severity for n in notifier.sent}
    assert by_name == {
        "Crit": Severity.CRITICAL,
        "Warn": Severity.WARNING,
        "Bare": Severity.WARNING,
        "Done": Severity.INFO,
    }


def test_subject_and_body_say_what_fired_when_and_where() -> None:
    # Arrange
    alert = OpsAlert(
        "resolved",
        {"alertname": "BulwarkOutboxBacklog", "instance": "app:8000", "severity": "warning"},
        {"summary": "Outbox backlog", "description": "1200 rows waiting."},
        T0,
        datetime(2026, 11, 26, 7, 5, tzinfo=UTC),
    )

    # Act
    subject, body = alert.subject(), alert.body()

    # Assert
    assert subject == "[RESOLVED] BulwarkOutboxBacklog: Outbox backlog"
    assert body.splitlines() == [
        "1200 rows waiting.",
        "Started: 2026-11-26T07:00:00+00:00",
        "Ended: 2026-11-26T07:05:00+00:00",
        "Labels: instance=app:8000, severity=warning",
    ]


async def test_no_alerts_tell_nobody() -> None:
    # Arrange
    relay, notifier = await relay_over_a_desk()

    # Act
    sent = await relay.relay([])

    # Assert
    assert sent == 0
    assert notifier.sent == []
