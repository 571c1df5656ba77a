"""The OpenAPI document shows the examples written beside a response, never made-up ones: the
document is the same from one build to the next (clients/openapi.json is checked in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar import Litestar, post
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example

from adapters.http.app import declare_written_examples_only


@dataclass
class Placed:
    order_id: str
    created_at: datetime


@post(
    "/orders",
    status_code=204,
    responses={
        200: ResponseSpec(Placed, description="A replay"),
        202: ResponseSpec(
            Placed,
            description="Queued",
            examples=[Example(summary="queued", value={"order_id": "ord-1"})],
        ),
    },
)
async def place_order() -> None:
    return None


def document() -> dict[str, Any]:
    app = Litestar([place_order], openapi_config=OpenAPIConfig(title="t", version="1"))
    declare_written_examples_only(app)
    return app.openapi_schema.to_schema()


def test_a_response_keeps_its_written_examples_and_gets_none_made_up() -> None:
    # Act
    first, second = document(), document()

    # Assert
    assert first == second
    responses = first["paths"]["/orders"]["post"]["responses"]
    written = responses["202"]["content"]["application/json"]["examples"]
    assert [e["value"] for e in written.values()] == [{"order_id": "ord-1"}]
    assert "examples" not in responses["200"]["content"]["application/json"]
    assert "examples" not in first["components"]["schemas"]["Placed"]
