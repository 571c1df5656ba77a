"""The console's forms for what the API already does: open a paper account, register an agent
(its first key shown once), each refusal shown beside its field, the viewer refused."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "console"),
    pytest.mark.shares_app(),
]

_KEY = re.compile(r'<code id="new-api-key" class="secret">([^<]+)</code>')


def _paper(**fields: str) -> dict[str, str]:
    return {
        "name": "Practice",
        "base_currency": "USD",
        "initial_cash": "25000",
        "account_type": "taxable",
        "trading_type": "cash",
        **fields,
    }


async def test_a_paper_account_opens_with_its_cash(harness: Harness, owner: User) -> None:
    # Arrange
    async with signed_in(harness, owner.username) as client:
        await client.get("/console/accounts")

        # Act
        opened = await client.post("/console/accounts", _paper())
        page = await client.get(opened.headers["location"])

    # Assert
    assert opened.status_code == 303, opened.text
    account_id = opened.headers["location"].rsplit("/", 1)[1]
    stored = await harness.client.get(f"/api/v1/accounts/{account_id}", headers=owner.headers)
    assert stored.status_code == 200, stored.text
    assert (stored.json()["broker"], stored.json()["cash"]) == ("paper", "25000.00")
    assert page.status_code == 200 and "Practice" in page.text


async def test_a_refused_paper_account_says_why_beside_the_field(
    harness: Harness, owner: User
) -> None:
    # Arrange
    async with signed_in(harness, owner.username) as client:
        await client.get("/console/accounts")

        # Act
        bad_cash = await client.post("/console/accounts", _paper(initial_cash="lots"))
        bad_currency = await client.post("/console/accounts", _paper(base_currency="dollars"))

    # Assert
    assert bad_cash.status_code == 422
    assert 'data-field="initial_cash"' in bad_cash.text and 'value="lots"' in bad_cash.text
    assert bad_currency.status_code == 422
    assert 'data-field="base_currency"' in bad_currency.text
    listed = await harness.client.get("/api/v1/accounts", headers=owner.headers)
    assert listed.json()["items"] == []


async def test_an_agent_is_registered_and_its_first_key_shown_once(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await harness.account(owner, "acc-1")
    async with signed_in(harness, owner.username) as client:
        await client.get("/console/agents")

        # Act
        registered = await client.post(
            "/console/agents",
            {
                "agent_id": "bot-7",
                "name": "Bot seven",
                "heartbeat_threshold_seconds": "120",
                "account_ids": account,
            },
        )
        again = await client.post(
            "/console/agents", {"agent_id": "bot-7", "heartbeat_threshold_seconds": "120"}
        )
        later = await client.get("/console/agents")

    # Assert
    assert registered.status_code == 200, registered.text
    assert registered.headers["cache-control"] == "no-store"
    key = _KEY.search(registered.text)
    assert key is not None and key.group(1).startswith("bwk_")
    heartbeat = await harness.client.post(
        "/api/v1/agents/bot-7/heartbeat", json={"status": "ok"}, headers={"X-API-Key": key.group(1)}
    )
    assert heartbeat.status_code == 200, heartbeat.text
    assert again.status_code == 422 and "already exists (CONFLICT)" in again.text
    assert 'data-field="agent_id"' in again.text
    assert key.group(1) not in later.text and "bot-7" in later.text


async def test_a_malformed_agent_id_is_refused_beside_it(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get("/console/agents")

        refused = await client.post(
            "/console/agents", {"agent_id": "no spaces", "heartbeat_threshold_seconds": "0"}
        )

    assert refused.status_code == 422
    assert 'data-field="agent_id"' in refused.text
    assert 'data-field="heartbeat_threshold_seconds"' in refused.text
    listed = await harness.client.get("/api/v1/agents", headers=owner.headers)
    assert listed.json()["items"] == []


async def test_the_viewer_sees_no_form_and_its_posts_are_403(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    async with signed_in(harness, viewer.username) as client:
        accounts = await client.get("/console/accounts")
        agents = await client.get("/console/agents")
        opened = await client.post("/console/accounts", _paper())
        registered = await client.post(
            "/console/agents", {"agent_id": "bot-8", "heartbeat_threshold_seconds": "60"}
        )

    assert 'id="open-paper"' not in accounts.text
    assert 'id="register-agent"' not in agents.text
    assert (opened.status_code, registered.status_code) == (403, 403)
