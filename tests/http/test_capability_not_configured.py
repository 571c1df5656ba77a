"""A capability this instance is not configured with answers one way: 409 problem+json with
code CAPABILITY_NOT_CONFIGURED, `capability`, and `settings` naming what the operator sets;
its routes stay mounted and documented. A capability configured but unreachable is still a
503 (an outage, not a setting).

The families whose routes live in a test file of their own are asserted there too: drills
(test_drills_admin.py), inference turned off (test_ml_api.py), the Alertmanager webhook
(test_alertmanager_webhook.py), /metrics in prod (test_metrics_token.py), Kafka's consumer
restart (test_monitoring.py), the broker's asset list (test_instruments.py), an alpaca
account where Alpaca is not routed to (test_account_admin.py), the console's Web Push key
(console/test_push_page.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User

AGGREGATION = "/api/v1/aggregation"
ENDPOINTS = "/api/v1/notifications/endpoints"
PLAID_SETTINGS = ["BULWARK_PLAID_CLIENT_ID", "BULWARK_PLAID_SECRET"]
SUBSCRIPTION = {
    "endpoint": "https://push.example.com/send/abc123",
    "keys": {
        "p256dh": (
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
        ),
        "auth": "tBHItJI5svbpez7KI4CCXg",
    },
}


def not_configured(response: Any, settings: list[str]) -> dict[str, Any]:
    """The problem of a capability not configured here, naming exactly `settings`."""
    problem = assert_problem(response, 409, "CAPABILITY_NOT_CONFIGURED")
    assert problem["title"] == "Capability not configured"
    assert problem["settings"] == settings
    assert problem["capability"]
    assert all(setting in problem["detail"] for setting in settings), problem["detail"]
    return problem


async def test_aggregation_without_plaid_names_plaids_settings(
    harness: Harness, owner: User
) -> None:
    # Act
    link = await harness.client.post(f"{AGGREGATION}/link-token", headers=owner.headers)
    exchange = await harness.client.post(
        f"{AGGREGATION}/items", json={"public_token": "public-sandbox-x"}, headers=owner.headers
    )
    listed = await harness.client.get(f"{AGGREGATION}/items", headers=owner.headers)

    # Assert: Plaid's calls say what to set; what is stored here still reads
    problem = not_configured(link, PLAID_SETTINGS)
    assert problem["capability"] == "account aggregation"
    not_configured(exchange, PLAID_SETTINGS)
    assert listed.status_code == 200, listed.text


async def test_plaids_webhook_without_plaid_is_not_configured_not_a_bad_signature(
    harness: Harness,
) -> None:
    # Arrange: a signed-looking header whose key id would be fetched from Plaid
    header = (
        "eyJhbGciOiJFUzI1NiIsImtpZCI6ImstMSIsInR5cCI6IkpXVCJ9."
        "eyJpYXQiOjAsInJlcXVlc3RfYm9keV9zaGEyNTYiOiIwMCJ9.c2ln"
    )

    # Act
    response = await harness.client.post(
        f"{AGGREGATION}/webhook",
        content=b'{"webhook_type":"HOLDINGS"}',
        headers={"Plaid-Verification": header, "Content-Type": "application/json"},
    )

    # Assert
    not_configured(response, PLAID_SETTINGS)


async def test_plaid_configured_but_unreachable_is_an_outage_503() -> None:
    # Arrange: credentials set, Plaid's address a closed local port
    async with harness_with(
        plaid_base_url="http://127.0.0.1:9", plaid_client_id="client", plaid_secret="secret"
    ) as harness:
        owner = await harness.user()

        # Act
        response = await harness.client.post(f"{AGGREGATION}/link-token", headers=owner.headers)

    # Assert
    problem = assert_problem(response, 503, "AGGREGATOR_UNAVAILABLE")
    assert "settings" not in problem


@pytest.mark.parametrize(
    ("body", "settings"),
    [
        (
            {"channel": "sms", "label": "Phone", "phone_number": "+14155550123"},
            ["BULWARK_SMS_TWILIO_ACCOUNT_SID", "BULWARK_SMS_TWILIO_AUTH_TOKEN", "BULWARK_SMS_FROM"],
        ),
        (
            {"channel": "web_push", "label": "Laptop", "subscription": SUBSCRIPTION},
            ["BULWARK_WEB_PUSH_VAPID_PRIVATE_KEY", "BULWARK_WEB_PUSH_VAPID_PUBLIC_KEY"],
        ),
    ],
    ids=["sms", "web_push"],
)
async def test_an_endpoint_on_a_channel_without_credentials_names_them(
    harness: Harness, owner: User, body: dict[str, Any], settings: list[str]
) -> None:
    # Act
    response = await harness.client.post(ENDPOINTS, json=body, headers=owner.headers)
    listed = await harness.client.get(ENDPOINTS, headers=owner.headers)

    # Assert: refused before anything is stored
    not_configured(response, settings)
    assert listed.json()["items"] == []


async def test_the_document_lists_the_409_of_the_routes_that_need_a_capability(
    harness: Harness,
) -> None:
    # Act
    paths = (await harness.client.get("/schema/openapi.json")).json()["paths"]

    # Assert: each such route documents its 409 as a problem with the capability's fields
    routes = [
        ("/api/v1/aggregation/link-token", "post"),
        ("/api/v1/aggregation/webhook", "post"),
        ("/api/v1/admin/drills/paper-faults", "put"),
        ("/api/v1/notifications/endpoints", "post"),
        ("/api/v1/monitoring/alertmanager", "post"),
        ("/api/v1/ml/models", "get"),
    ]
    for path, method in routes:
        conflict = paths[path][method]["responses"]["409"]
        assert "CAPABILITY_NOT_CONFIGURED" in conflict["description"], (path, conflict)
        assert "application/problem+json" in conflict["content"], path


async def test_routes_of_a_capability_turned_off_stay_in_the_document() -> None:
    # Arrange
    async with harness_with(inference_enabled="false") as harness:
        # Act
        paths = (await harness.client.get("/schema/openapi.json")).json()["paths"]

    # Assert
    assert "/api/v1/ml/models" in paths
    assert "409" in paths["/api/v1/ml/models"]["get"]["responses"]
