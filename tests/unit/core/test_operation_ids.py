"""OpenAPI operation ids and tags: a handler's name in lowerCamelCase, its owner's noun after a
name that says nothing alone, a second mount's prefix after its ids; its context's one tag."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Litestar, get, post, route
from litestar.openapi.config import OpenAPIConfig
from litestar.params import FromPath

from adapters.http.contexts import HttpContext
from adapters.http.operation_ids import lower_camel, operation_id, words_of


class PriceAlertController(Controller):
    path = "/price-alerts"

    @get("/")
    async def list_(self) -> list[str]:
        return []

    @get("/{alert_id:str}")
    async def one(self, alert_id: FromPath[str]) -> str:
        return alert_id

    @post("/import")
    async def import_csv_alerts(self) -> None:
        return None


class QuoteController(Controller):
    path = "/quotes"

    @get("/")
    async def get_fresh_quote(self) -> str:
        return "190"


@post("/calendars")
async def handler() -> None:
    return None


@route("/sessions", http_method=["GET", "DELETE"])
async def session_state() -> None:
    return None


def document(*contexts: HttpContext) -> dict[str, Any]:
    app = Litestar(
        route_handlers=[router for c in contexts for router in c.routers(None)],
        openapi_config=OpenAPIConfig(title="t", version="1", operation_id_creator=operation_id),
    )
    return app.openapi_schema.to_schema()


def operations(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each operation by "METHOD path"."""
    return {
        f"{method.upper()} {path}": op
        for path, item in doc["paths"].items()
        for method, op in item.items()
    }


def test_a_name_is_split_into_words_and_joined_in_lower_camel_case() -> None:
    # Act
    cases = {
        name: lower_camel(words_of(name))
        for name in ("place_order", "build_13f_information_table", "ESGScore", "get_iv_rank")
    }

    # Assert
    assert cases == {
        "place_order": "placeOrder",
        "build_13f_information_table": "build13fInformationTable",
        "ESGScore": "esgScore",
        "get_iv_rank": "getIvRank",
    }


def test_each_operation_is_named_after_its_handler_and_tagged_with_its_context() -> None:
    # Arrange
    alerts = HttpContext("notifications", None, lambda _: [PriceAlertController, handler])
    market = HttpContext("market_data", None, lambda _: [QuoteController, session_state])

    # Act
    ops = operations(document(alerts, market))

    # Assert
    ids = {label: op["operationId"] for label, op in ops.items()}
    assert ids == {
        "GET /api/v1/price-alerts": "listPriceAlert",
        "GET /api/v1/price-alerts/{alert_id}": "getPriceAlert",
        "POST /api/v1/price-alerts/import": "importCsvAlerts",
        "POST /api/v1/calendars": "postTestOperationIds",
        "GET /api/v1/quotes": "getFreshQuote",
        "GET /api/v1/sessions": "getSessionState",
        "DELETE /api/v1/sessions": "deleteSessionState",
    }
    tags = {label: op["tags"] for label, op in ops.items()}
    assert tags["GET /api/v1/price-alerts"] == ["notifications"]
    assert tags["GET /api/v1/quotes"] == tags["DELETE /api/v1/sessions"] == ["market_data"]


def test_a_controller_mounted_under_a_second_prefix_is_named_with_it_there() -> None:
    # Arrange
    quotes = HttpContext(
        "market_data",
        None,
        lambda _: [QuoteController],
        elsewhere=(("/api", [QuoteController]), ("/", [handler])),
    )

    # Act
    ops = operations(document(quotes))

    # Assert: the first mount keeps the plain id; a handler mounted once elsewhere as well
    assert ops["GET /api/v1/quotes"]["operationId"] == "getFreshQuote"
    assert ops["GET /api/quotes"]["operationId"] == "getFreshQuoteAtApi"
    assert ops["POST /calendars"]["operationId"] == "postTestOperationIds"
    assert {op["tags"][0] for op in ops.values()} == {"market_data"}
