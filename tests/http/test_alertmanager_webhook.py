"""Alertmanager's webhook (POST /api/v1/monitoring/alertmanager): its alerts, firing or
resolved, told to the desk as `ops.alert` notifications; a bearer token guards it."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from ports.core.events import Notification, Severity
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness

pytestmark = pytest.mark.serves("notifications")

URL = "/api/v1/monitoring/alertmanager"
TOKEN = "alertmanager-7d2e9b"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


def alert(status: str, name: str, severity: str, summary: str) -> dict[str, Any]:
    return {
        "status": status,
        "labels": {"alertname": name, "severity": severity, "job": "bulwark"},
        "annotations": {"summary": summary, "description": f"{summary}, in detail."},
        "startsAt": "2026-11-26T07:00:00Z",
        "endsAt": "0001-01-01T00:00:00Z" if status == "firing" else "2026-11-26T07:05:00Z",
        "generatorURL": "http://prometheus:9090/graph",
        "fingerprint": "c0ffee",
    }


def payload(*alerts: dict[str, Any], status: str = "firing") -> dict[str, Any]:
    """Alertmanager's version 4 webhook body, as its documentation shows it."""
    return {
        "version": "4",
        "groupKey": '{}:{alertname="BulwarkOrdersInDoubt"}',
        "truncatedAlerts": 0,
        "status": status,
        "receiver": "bulwark",
        "groupLabels": {},
        "commonLabels": {},
        "commonAnnotations": {},
        "externalURL": "http://alertmanager:9093",
        "alerts": list(alerts),
    }


def ops_alerts(harness: Harness) -> list[Notification]:
    sent: list[Notification] = harness.container.core.notifier().sent
    return [n for n in sent if n.event_type == "ops.alert"]


async def test_each_alert_is_told_to_every_admin_and_risk_officer() -> None:
    async with harness_with(alertmanager_token=TOKEN) as h:
        # Arrange
        admin = await h.user(Role.ADMIN)
        officer = await h.user(Role.RISK_OFFICER)
        await h.user(Role.OWNER)
        body = payload(
            alert("firing", "BulwarkOrdersInDoubt", "critical", "2 orders in doubt"),
            alert("resolved", "BulwarkOutboxBacklog", "warning", "Outbox backlog"),
        )

        # Act
        response = await h.client.post(URL, json=body, headers=BEARER)
        told = ops_alerts(h)

    # Assert
    assert response.status_code == 200, response.text
    assert response.json() == {"alerts": 2, "notifications": 4}
    assert {n.recipient for n in told} == {admin.id, officer.id}
    firing = [n for n in told if n.subject.startswith("[FIRING]")]
    resolved = [n for n in told if n.subject.startswith("[RESOLVED]")]
    assert {n.subject for n in firing} == {"[FIRING] BulwarkOrdersInDoubt: 2 orders in doubt"}
    assert {n.severity for n in firing} == {Severity.CRITICAL}
    assert "2 orders in doubt, in detail." in firing[0].body
    assert "job=bulwark" in firing[0].body
    assert "Ends" not in firing[0].body  # Alertmanager's zero time: not ended
    assert {n.severity for n in resolved} == {Severity.INFO}
    assert "Ended: 2026-11-26T07:05:00+00:00" in resolved[0].body


async def test_the_notification_reaches_the_desks_inbox() -> None:
    async with harness_with(alertmanager_token=TOKEN) as h:
        # Arrange
        officer = await h.user(Role.RISK_OFFICER)
        body = payload(alert("firing", "BulwarkMetricsDown", "critical", "Bulwark down"))

        # Act
        response = await h.client.post(URL, json=body, headers=BEARER)
        inbox = await h.client.get("/api/v1/notifications", headers=officer.headers)

    # Assert
    assert response.status_code == 200, response.text
    titles = [item["title"] for item in inbox.json()["items"]]
    assert "[FIRING] BulwarkMetricsDown: Bulwark down" in titles


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", TOKEN],
    ids=["none", "wrong", "basic", "longer", "no-scheme"],
)
async def test_without_the_token_the_call_is_refused_401_and_nobody_is_told(
    authorization: str | None,
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    async with harness_with(alertmanager_token=TOKEN) as h:
        # Arrange
        await h.user(Role.ADMIN)
        body = payload(alert("firing", "BulwarkOrdersInDoubt", "critical", "in doubt"))

        # Act
        response = await h.client.post(URL, json=body, headers=headers)
        told = ops_alerts(h)

    # Assert
    assert_problem(response, 401, "UNAUTHENTICATED")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert told == []


async def test_a_user_token_is_not_the_alertmanager_token() -> None:
    async with harness_with(alertmanager_token=TOKEN) as h:
        # Arrange
        admin = await h.user(Role.ADMIN)
        body = payload(alert("firing", "BulwarkOrdersInDoubt", "critical", "in doubt"))

        # Act
        response = await h.client.post(URL, json=body, headers=admin.headers)

    # Assert
    assert_problem(response, 401, "UNAUTHENTICATED")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{not json", "MALFORMED_JSON"),
        (b'{"version": "3", "status": "firing", "alerts": []}', "VALIDATION_ERROR"),
        (b'{"version": "4", "status": "burning", "alerts": []}', "VALIDATION_ERROR"),
        (b'{"version": "4", "status": "firing"}', "VALIDATION_ERROR"),
        (b'{"version": "4", "status": "firing", "alerts": [{"labels": {}}]}', "VALIDATION_ERROR"),
        (
            b'{"version": "4", "status": "firing", "alerts": [{"status": "firing", '
            b'"labels": {"n": 1}}]}',
            "VALIDATION_ERROR",
        ),
        (
            b'{"version": "4", "status": "firing", "alerts": [{"status": "firing", '
            b'"startsAt": "yesterday"}]}',
            "VALIDATION_ERROR",
        ),
    ],
    ids=["not-json", "version-3", "status", "no-alerts", "alert-status", "label", "time"],
)
async def test_a_body_that_is_not_the_webhook_payload_is_refused_400(
    content: bytes, code: str
) -> None:
    async with harness_with(alertmanager_token=TOKEN) as h:
        # Arrange
        await h.user(Role.ADMIN)
        headers = {**BEARER, "Content-Type": "application/json"}

        # Act
        response = await h.client.post(URL, content=content, headers=headers)
        told = ops_alerts(h)

    # Assert
    assert_problem(response, 400, code)
    assert told == []


async def test_without_a_configured_token_every_call_is_told_it_is_not_configured(
    harness: Harness,
) -> None:
    # Arrange
    body = payload(alert("firing", "BulwarkOrdersInDoubt", "critical", "in doubt"))

    # Act
    response = await harness.client.post(URL, json=body, headers=BEARER)

    # Assert
    problem = assert_problem(response, 409, "CAPABILITY_NOT_CONFIGURED")
    assert problem["settings"] == ["BULWARK_ALERTMANAGER_TOKEN"]
    assert "set BULWARK_ALERTMANAGER_TOKEN" in problem["detail"]
