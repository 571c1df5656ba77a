"""/api/status shows which backend runs the quant kernels (docs/compute.md)."""

from __future__ import annotations

import pytest

from tests.http.harness import Harness

pytestmark = pytest.mark.serves()


async def test_status_shows_the_compute_backend_and_why_it_was_chosen(harness: Harness) -> None:
    # Arrange
    info = harness.container.core.compute().info()

    # Act
    response = await harness.client.get("/api/status")

    # Assert
    assert response.status_code == 200
    compute = response.json()["compute"]
    assert compute == {
        "backend": info.backend,
        "device": info.device,
        "numba": info.numba,
        "reason": info.reason,
    }
    assert compute["backend"] in ("cpu", "cuda")
    assert compute["reason"]


async def test_the_openapi_document_declares_the_compute_object(harness: Harness) -> None:
    # Act
    document = (await harness.client.get("/schema/openapi.json")).json()

    # Assert
    schemas = document["components"]["schemas"]
    assert set(schemas["ComputeOut"]["properties"]) == {"backend", "device", "numba", "reason"}
    assert "compute" in schemas["StatusOut"]["properties"]
