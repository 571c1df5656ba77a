"""The fuzzing suite's own pieces: the problem check can fail, seeded ids go in and come out, a
world made for one operation refuses loudly what it does not serve."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from tests.fuzz.checks import client_error_is_a_problem, problem_code
from tests.fuzz.world import (
    WORLD_CONTEXTS,
    World,
    httpx_kwargs,
    instance_wide,
    mark_seeded,
    put_seeded,
    sentinel,
    serving,
)

pytestmark = pytest.mark.fuzz
PROBLEM = "application/problem+json"


def answer(status: int, content_type: str, body: Any) -> Any:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return SimpleNamespace(
        status_code=status, headers={"content-type": [content_type]}, content=content
    )


def test_a_problem_with_its_status_and_a_code_passes() -> None:
    response = answer(404, PROBLEM, {"status": 404, "code": "NOT_FOUND", "title": "Not Found"})

    client_error_is_a_problem(None, response, None)

    assert problem_code(404, PROBLEM, response.content) == "NOT_FOUND"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", {"status": 400, "code": "VALIDATION_ERROR"}),
        (PROBLEM, {"status": 400, "code": ""}),
        (PROBLEM, {"status": 400}),
        (PROBLEM, {"status": 422, "code": "VALIDATION_ERROR"}),
        (PROBLEM, b"not json"),
        (PROBLEM, ["code"]),
        ("text/plain", b"Bad Request"),
    ],
)
def test_a_client_error_that_is_not_a_coded_problem_fails(content_type: str, body: Any) -> None:
    response = answer(400, content_type, body)

    with pytest.raises(AssertionError, match="must be problem\\+json"):
        client_error_is_a_problem(None, response, None)


def test_answers_other_than_4xx_are_not_this_checks_business() -> None:
    created = answer(201, "application/json", {"id": "x"})

    client_error_is_a_problem(None, created, None)

    assert problem_code(201, "application/json", created.content) is None


def test_seeded_ids_are_marked_at_any_depth_and_put_back() -> None:
    # Arrange
    body = {
        "account_id": "zz",
        "scope": {"kind": "account", "id": "zz"},
        "legs": [{"symbol": "??"}],
        "note": "kept",
    }
    ids = {"account_id": "acc-1", "symbol": "AAPL"}

    # Act
    marked = mark_seeded(body)
    put_seeded(marked, ids)

    # Assert
    assert marked == {
        "account_id": "acc-1",
        "scope": {"kind": "account", "id": "acc-1"},
        "legs": [{"symbol": "AAPL"}],
        "note": "kept",
    }
    assert body["account_id"] == "zz"  # the generated value itself is left alone


def test_a_value_without_seeded_fields_is_unchanged() -> None:
    body = {"name": "x", "scope": {"kind": "global"}, "returns": [0.1, 0.2]}

    assert mark_seeded(body) == body
    assert sentinel("order_id") != "order_id"


def test_a_multipart_body_goes_as_bytes_and_a_generated_number_as_a_text_part() -> None:
    # Arrange: Schemathesis's requests-style arguments, a `0` drawn for the file
    sent = {
        "method": "POST",
        "url": "http://testserver.local/api/v1/kyc/documents",
        "headers": {"content-type": "multipart/form-data", "Authorization": "Bearer t"},
        "files": [("file", 0)],
        "data": {"kind": "passport"},
    }

    # Act
    request = httpx.Request(**httpx_kwargs(sent))

    # Assert: read already (the checks read it back) and encoded as requests encodes it
    assert b'name="file"\r\n\r\n0\r\n' in request.content
    assert b'name="kind"\r\n\r\npassport\r\n' in request.content
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.headers["authorization"] == "Bearer t"


def test_a_world_for_one_operation_serves_its_context_and_fails_a_request_to_another() -> None:
    # Arrange: a world for a portfolio operation (markets is not among WORLD_CONTEXTS)
    assert "markets" not in WORLD_CONTEXTS
    world = World(**serving("portfolio"))
    client = world.harness.client
    headers = world.credentials(as_agent=False)

    try:
        # Act
        served = world.portal.call(lambda: client.get("/api/v1/portfolios", headers=headers))
        with pytest.raises(AssertionError, match="belongs to a context") as unserved:
            world.portal.call(lambda: client.get("/api/v1/analytics/rates/curve", headers=headers))
    finally:
        world.close()

    # Assert: the operation's own context answers; another's fails, never a quiet 404
    assert served.status_code == 200, served.text
    assert "/api/v1/analytics/rates/curve" in str(unserved.value)


def test_an_operation_of_no_known_context_gets_a_world_serving_every_context() -> None:
    assert serving(None) == {}
    assert serving("no-such-context") == {}
    assert serving("portfolio")["served_contexts"].split(",")[-1] == "portfolio"


@pytest.mark.parametrize(
    "label",
    [
        "POST /api/v1/auth/login",  # a failed login counts against the client's address
        "POST /api/v1/auth/signup",
        "POST /api/v1/kill-switch/activate",
        "PATCH /api/v1/instruments/{symbol}",  # an admin's: every user's instrument
        "POST /api/v1/admin/keys/rotate",
        "PUT /api/v1/admin/drills/paper-faults",
        "POST /api/v1/providers/failover",
    ],
)
def test_an_operation_on_the_instance_as_a_whole_gets_a_world_of_its_own(label: str) -> None:
    assert instance_wide(label)


@pytest.mark.parametrize(
    "label",
    ["POST /api/v1/orders", "DELETE /api/v1/risk-rules/{rule_id}", "PUT /api/v1/succession/policy"],
)
def test_an_operation_on_the_callers_own_data_shares_the_write_world(label: str) -> None:
    assert not instance_wide(label)
