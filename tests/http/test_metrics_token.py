"""Who may scrape /metrics: a bearer token when BULWARK_METRICS_TOKEN is set; in prod without
one, nobody (409 CAPABILITY_NOT_CONFIGURED); in dev and test without one, anybody."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from adapters.security.jwt_tokens import new_signing_key
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.log_capture import captured_logs

pytestmark = pytest.mark.serves()

TOKEN = "scrape-me-4f1c9a"
KEKS = "main 1 " + base64.b64encode(bytes(range(32))).decode()


@pytest.fixture
def jwt_key_file(tmp_path: Path) -> Path:
    path = tmp_path / "jwt.pem"
    path.write_bytes(new_signing_key())
    return path


async def test_with_a_token_the_scrape_that_brings_it_reads_the_figures() -> None:
    async with harness_with(metrics_token=TOKEN) as h:
        # Act
        response = await h.client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    # Assert
    assert response.status_code == 200, response.text
    assert "bulwark_http_requests_total" in response.text


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer", f"{TOKEN}"],
)
async def test_with_a_token_a_scrape_without_it_is_refused_401(authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    async with harness_with(metrics_token=TOKEN) as h:
        # Act
        response = await h.client.get("/metrics", headers=headers)

    # Assert
    assert_problem(response, 401, "METRICS_TOKEN_REQUIRED")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "bulwark_" not in response.text


async def test_in_test_and_dev_without_a_token_metrics_are_open() -> None:
    async with harness_with() as h:
        # Act
        response = await h.client.get("/metrics")

    # Assert
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")


async def test_in_prod_without_a_token_metrics_say_the_token_is_missing_and_start_up_too(
    jwt_key_file: Path,
) -> None:
    with captured_logs("info") as logs:
        async with harness_with(env="prod", jwt_private_key_file=str(jwt_key_file), keks=KEKS) as h:
            # Act
            response = await h.client.get("/metrics")

    # Assert
    problem = assert_problem(response, 409, "CAPABILITY_NOT_CONFIGURED")
    assert problem["settings"] == ["BULWARK_METRICS_TOKEN"]
    assert "bulwark_" not in response.text
    lines = [json.loads(line) for line in logs.getvalue().splitlines() if line.startswith("{")]
    hidden = [line for line in lines if line.get("event") == "metrics_hidden"]
    assert len(hidden) == 1
    assert "BULWARK_METRICS_TOKEN" in hidden[0]["hint"]


async def test_in_prod_with_a_token_the_scrape_that_brings_it_reads_the_figures(
    jwt_key_file: Path,
) -> None:
    async with harness_with(
        env="prod", jwt_private_key_file=str(jwt_key_file), keks=KEKS, metrics_token=TOKEN
    ) as h:
        # Act
        refused = await h.client.get("/metrics")
        read = await h.client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    # Assert
    assert_problem(refused, 401, "METRICS_TOKEN_REQUIRED")
    assert read.status_code == 200
