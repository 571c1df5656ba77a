"""Hostile requests the generators rarely make: non-UTF-8 or deeply nested bodies, odd numbers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tests.fuzz import checks
from tests.fuzz.world import ACCOUNT, World

pytestmark = pytest.mark.fuzz

DEPTH = 5_000  # far past any sane document, small enough (10 kB) to pass the body size limit
HOSTILE_BODIES = {
    "not-utf8": b'{"account_id": "\xff\xfe\xfd"}',
    "nested-arrays": b"[" * DEPTH + b"]" * DEPTH,
    "nested-objects": b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
}
ORDER = {"account_id": ACCOUNT, "symbol": "AAPL", "side": "buy", "quantity": "10"}
SIZING = {"account_id": ACCOUNT, "symbol": "AAPL", "stop": "180"}
# Numbers a strict parser refuses: digit separators, exponents no amount or price ever needs.
ODD_NUMBERS = {
    "order-quantity-underscore": ("/api/v1/orders", {**ORDER, "quantity": "1_000"}),
    "order-quantity-huge-exponent": ("/api/v1/orders", {**ORDER, "quantity": "1e999999"}),
    "order-quantity-tiny-exponent": ("/api/v1/orders", {**ORDER, "quantity": "1e-999999"}),
    "order-limit-underscore": (
        "/api/v1/orders",
        {**ORDER, "order_type": "limit", "limit_price": "1_00"},
    ),
    "sizing-stop-underscore": (
        "/api/v1/risk-rules/calculate-position-size",
        {**SIZING, "stop": "1_80"},
    ),
    "sizing-stop-huge-exponent": (
        "/api/v1/risk-rules/calculate-position-size",
        {**SIZING, "stop": "1e999999"},
    ),
}
# Well-formed requests whose arithmetic goes to the edge: an answer, never a 500.
EXTREME_VALUES = {
    "sizing-stop-a-hair-below-the-mark": (
        "/api/v1/risk-rules/calculate-position-size",
        {**SIZING, "stop": "189.99999999999999999999999999"},
    ),
    "portfolio-risk-returns-near-float-max": (
        "/api/v1/risk-rules/portfolio-risk",
        {"account_id": ACCOUNT, "returns": [1e300, -1e300, 1e300]},
    ),
}


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    seeded = World()
    yield seeded
    seeded.close()


def post(world: World, method: str, path: str, content: bytes) -> httpx.Response:
    headers = {**world.credentials(as_agent=False), "Content-Type": "application/json"}
    request = world.harness.client.request
    return world.portal.call(lambda: request(method, path, content=content, headers=headers))


def problem_code(response: httpx.Response) -> str | None:
    content_type = response.headers.get("content-type", "")
    return checks.problem_code(response.status_code, content_type, response.content)


def body_operations(schema: OpenApiSchema, world: World) -> list[tuple[str, str]]:
    """(method, path) of every operation that takes a body, its path parameters seeded."""
    found = []
    for path, operations in schema.raw_schema["paths"].items():
        concrete = re.sub(r"\{(\w+)\}", lambda m: world.seeded.ids.get(m[1], "x"), path)
        found += [
            (method.upper(), concrete)
            for method, operation in operations.items()
            if isinstance(operation, dict) and "requestBody" in operation
        ]
    return found


@pytest.mark.parametrize("kind", list(HOSTILE_BODIES))
def test_a_hostile_body_is_a_client_error_on_every_operation(
    kind: str, fuzz_schema: OpenApiSchema, world: World
) -> None:
    # Arrange
    operations = body_operations(fuzz_schema, world)

    # Act
    answers = {op: post(world, *op, HOSTILE_BODIES[kind]) for op in operations}

    # Assert
    assert len(operations) > 10
    wrong = {
        f"{method} {path}": f"{r.status_code} {problem_code(r)}"
        for (method, path), r in answers.items()
        if not 400 <= r.status_code < 500 or problem_code(r) is None
    }
    assert not wrong, f"{kind} body answered:\n" + "\n".join(
        f"  {k}: {v}" for k, v in wrong.items()
    )


@pytest.mark.parametrize("case", list(ODD_NUMBERS))
def test_a_number_written_oddly_is_a_client_error(case: str, world: World) -> None:
    path, body = ODD_NUMBERS[case]

    response = post(world, "POST", path, json.dumps(body).encode())

    assert 400 <= response.status_code < 500, f"POST {path} {body}: {response.text}"
    assert problem_code(response), response.text


@pytest.mark.parametrize("case", list(EXTREME_VALUES))
def test_extreme_values_get_an_answer_not_a_server_error(case: str, world: World) -> None:
    path, body = EXTREME_VALUES[case]

    response = post(world, "POST", path, json.dumps(body).encode())

    assert response.status_code < 500, f"POST {path} {body}: {response.text}"
    assert response.status_code < 400 or problem_code(response), response.text
