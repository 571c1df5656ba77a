"""The OpenAPI document declares what the handlers answer (found by the fuzzing suite)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics", "review", "trading"), pytest.mark.shares_app()]


async def document(harness: Harness) -> dict[str, Any]:
    response = await harness.client.get("/schema/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def json_schema(operation: dict[str, Any], status: str) -> Any:
    return operation["responses"][status]["content"]["application/json"]["schema"]


async def test_order_submission_declares_the_placed_order_for_201_and_replayed_200(
    harness: Harness,
) -> None:
    # Act
    submit = (await document(harness))["paths"]["/api/v1/orders"]["post"]

    # Assert: a handler answering an order or a problem hid its success shape ({})
    placed = {"$ref": "#/components/schemas/OrderPlaced"}
    assert json_schema(submit, "201") == placed
    assert json_schema(submit, "200") == placed


async def test_saving_a_workspace_again_declares_its_200(harness: Harness, owner: User) -> None:
    # Arrange
    body = {"workspace_name": "Trading", "layout_json": {"panels": []}}
    first = await harness.client.post("/api/v1/user/workspace", json=body, headers=owner.headers)

    # Act
    again = await harness.client.post("/api/v1/user/workspace", json=body, headers=owner.headers)
    save = (await document(harness))["paths"]["/api/v1/user/workspace"]["post"]

    # Assert
    assert (first.status_code, again.status_code) == (201, 200)
    workspace = {"$ref": "#/components/schemas/WorkspaceOut"}
    assert json_schema(save, "200") == json_schema(save, "201") == workspace


async def test_every_operation_needs_credentials_exactly_when_the_document_says(
    harness: Harness,
) -> None:
    # Arrange
    paths = (await document(harness))["paths"]

    # Act: every operation, called without credentials
    lies = []
    for path, operations in paths.items():
        url = re.sub(r"\{\w+\}", "x", path)
        for method, operation in operations.items():
            body = {"json": {}} if "requestBody" in operation else {}
            response = await harness.client.request(method.upper(), url, **body)
            public = operation.get("security") == []
            if public == (response.status_code == 401) or (
                not public and "401" not in operation["responses"]
            ):
                lies.append(f"{method.upper()} {path}: public={public}, {response.status_code}")

    # Assert
    assert not lies
    assert len(paths) > 40


async def test_readiness_declares_its_503(harness: Harness) -> None:
    ready = (await document(harness))["paths"]["/ready"]["get"]

    assert json_schema(ready, "503") == {"$ref": "#/components/schemas/ReadyOut"}
    assert ready["security"] == []


# Routes with their own body limit (BULWARK_ANALYTICS_MAX_BODY_BYTES) and the test of its 413.
OWN_BODY_LIMIT = {
    "/api/v1/analytics/optimization": "tests/http/test_optimization_api.py",
}


async def test_every_operation_reading_a_body_declares_and_answers_413_past_the_limit(
    harness: Harness, owner: User
) -> None:
    # Arrange: a body past max_body_bytes (1 MiB by default)
    paths = (await document(harness))["paths"]
    too_large = b'{"x": "' + b"a" * 1_100_000 + b'"}'
    headers = {**owner.headers, "Content-Type": "application/json"}

    # Act
    wrong = []
    for path, operations in paths.items():
        url = re.sub(r"\{\w+\}", "x", path)
        for method, operation in operations.items():
            if "requestBody" not in operation:
                continue
            if "multipart/form-data" in operation["requestBody"].get("content", {}):
                continue  # uploads have their own, larger cap (tests/http/test_kyc.py)
            if "application/vnd.apache.arrow.stream" in operation["requestBody"]["content"]:
                continue  # options compute: its own cap (tests/http/test_options_compute.py)
            if path in OWN_BODY_LIMIT:
                continue  # its own, larger cap, tested where it is served
            response = await harness.client.request(
                method.upper(), url, content=too_large, headers=headers
            )
            declared = "413" in operation["responses"]
            # 403: a role guard (providers' failover is an admin's) answers before the body is read
            if not declared or response.status_code not in (403, 413):
                wrong.append(f"{method.upper()} {path}: {response.status_code}")

    # Assert
    assert not wrong


# Schema names the document already disambiguates with a module prefix (two classes of one
# name); a new clash would rename an existing schema under clients' feet, so none may be added.
KNOWN_PREFIXED_SCHEMAS = {
    "adapters_http_routes_health_Liveness",
    "domain_agents_heartbeat_Liveness",
    "common_DecisionOut",
    "strategies_DecisionOut",
    "risk_SizingIn",
    "risk_SizingOut",
    "strategies_SizingIn",
    "strategies_SizingOut",
}


async def test_no_new_schema_name_clashes(harness: Harness) -> None:
    # Act
    document = (await harness.client.get("/schema/openapi.json")).json()

    # Assert: Litestar prefixes a schema with its module when two share a name
    names = set(document["components"]["schemas"])
    prefixed = {name for name in names if "_" in name}
    assert prefixed <= KNOWN_PREFIXED_SCHEMAS, sorted(prefixed - KNOWN_PREFIXED_SCHEMAS)
    assert {"ComputeOut", "ScenarioComputeOut", "PriceHistoryIn", "RegimeOverrideIn"} <= names
