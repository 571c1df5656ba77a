"""The Python client's generated package is what openapi-python-client writes from the
checked-in OpenAPI document: a changed API fails here until the client is regenerated."""

from __future__ import annotations

import json
from pathlib import Path

from tools.client_generate import DOCUMENT, GENERATED, REGENERATE, differences, generate, prepared


def test_the_checked_in_client_is_what_the_generator_writes(tmp_path: Path) -> None:
    # Arrange
    fresh = tmp_path / "generated"

    # Act
    generate(fresh)

    # Assert
    changed = differences(GENERATED, fresh)
    assert not changed, (
        f"clients/python/bulwark_client/generated differs from the generator's output "
        f"({', '.join(changed[:10])}). Regenerate it with `{REGENERATE}`, review and commit it."
    )


def test_every_operation_of_the_document_is_generated() -> None:
    # Arrange: the JSON operations (the generator skips CSV, XML and Arrow bodies)
    document = json.loads(DOCUMENT.read_text())
    skipped_bodies = {"text/csv", "application/xml", "application/vnd.apache.arrow.stream"}
    expected = {
        operation["operationId"].lower()
        for path in document["paths"].values()
        for method, operation in path.items()
        if method in {"get", "post", "put", "patch", "delete"}
        and not set(operation.get("requestBody", {}).get("content", {})) & skipped_bodies
    }

    # Act: a module per operation, its id in snake_case
    generated = {
        module.stem.replace("_", "")
        for module in (GENERATED / "api").glob("*/*.py")
        if module.stem != "__init__"
    }

    # Assert
    assert expected - generated == set()


def test_shared_titles_are_dropped_so_each_schema_gets_a_class() -> None:
    # Arrange
    document = {
        "components": {
            "schemas": {
                "risk_SizingIn": {"title": "SizingIn", "type": "object"},
                "strategies_SizingIn": {"title": "SizingIn", "type": "object"},
                "OrderIn": {"title": "OrderIn", "type": "object"},
            }
        }
    }

    # Act
    schemas = prepared(document)["components"]["schemas"]

    # Assert
    assert "title" not in schemas["risk_SizingIn"]
    assert "title" not in schemas["strategies_SizingIn"]
    assert schemas["OrderIn"]["title"] == "OrderIn"
