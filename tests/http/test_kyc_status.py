"""Users' KYC status over HTTP: owners read theirs (another's answers 404), reviewers anyone's
and their decisions move it; Persona's webhook is refused unsigned (401 problem+json) and a
replay changes nothing; a live opt-in is refused until the status is verified."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from domain.principals import Role
from tests.http.harness import Harness, User
from tests.http.kyc_samples import PDF, kyc_harness
from tests.kit.persona import TEMPLATE, WEBHOOK_SECRET, event, inquiry, signature

pytestmark = pytest.mark.serves("identity")

STATUS = "/api/v1/kyc/status"
DOCUMENTS = "/api/v1/kyc/documents"
WEBHOOK = "/api/v1/kyc/webhooks/persona"


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    async with kyc_harness(
        tmp_path / "docs",
        persona_api_key="persona-key",
        persona_template_id=TEMPLATE,
        persona_webhook_secret=WEBHOOK_SECRET,
    ) as h:
        yield h


@pytest.fixture
async def officer(harness: Harness) -> User:
    return await harness.user(Role.RISK_OFFICER)


async def reviewed(h: Harness, owner: User, officer: User, kind: str, status: str) -> None:
    made = await h.client.post(
        DOCUMENTS + "/", files={"file": ("d.pdf", PDF, "application/pdf")},
        data={"kind": kind}, headers=owner.headers,
    )  # fmt: skip
    assert made.status_code == 201, made.text
    body: dict[str, Any] = {"status": status}
    if status == "rejected":
        body["reason"] = "unreadable scan"
    decided = await h.client.patch(
        f"{DOCUMENTS}/{made.json()['id']}", json=body, headers=officer.headers
    )
    assert decided.status_code == 200, decided.text


async def test_a_new_user_reads_their_own_status_unverified(harness: Harness, owner: User) -> None:
    response = await harness.client.get(STATUS, headers=owner.headers)

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "unverified"
    assert response.json()["user_id"] == owner.id


async def test_reviewers_decisions_move_the_status(
    harness: Harness, owner: User, officer: User
) -> None:
    # Act
    await reviewed(harness, owner, officer, "passport", "rejected")
    rejected = (await harness.client.get(STATUS, headers=owner.headers)).json()
    harness.clock.advance(timedelta(minutes=1))  # a later decision (a tie: the rejection wins)
    await reviewed(harness, owner, officer, "national_id", "verified")
    await reviewed(harness, owner, officer, "proof_of_address", "verified")
    verified = (await harness.client.get(STATUS, headers=owner.headers)).json()

    # Assert: the rejection named its reason; the later approvals cleared it
    assert (rejected["status"], rejected["reason"]) == ("rejected", "identity: unreadable scan")
    assert verified["status"] == "verified"
    assert verified["verified_until"] is not None


async def test_another_users_status_answers_404_but_a_reviewer_reads_it(
    harness: Harness, owner: User, officer: User
) -> None:
    # Arrange
    other = await harness.user()

    # Act
    stranger = await harness.client.get(f"{STATUS}/{owner.id}", headers=other.headers)
    reviewer = await harness.client.get(f"{STATUS}/{owner.id}", headers=officer.headers)
    own = await harness.client.get(f"{STATUS}/{owner.id}", headers=owner.headers)

    # Assert
    assert stranger.status_code == 404
    assert stranger.headers["content-type"].startswith("application/problem+json")
    assert stranger.json()["code"] == "NOT_FOUND"
    assert reviewer.status_code == 200 and reviewer.json()["user_id"] == owner.id
    assert own.status_code == 200


def persona_event(h: Harness, user_id: str, status: str, minutes: int = 0) -> bytes:
    at = (h.clock.now() - timedelta(minutes=minutes)).isoformat()
    return event(f"evt_{status}_{minutes}", f"inquiry.{status}",
                 inquiry("inq_1", status, user_id, at), at)  # fmt: skip


async def test_an_unsigned_or_badly_signed_webhook_is_refused_with_401(
    harness: Harness, owner: User
) -> None:
    # Arrange
    body = persona_event(harness, owner.id, "approved")
    forged = signature(body, harness.clock.now(), "not-the-secret")

    # Act
    unsigned = await harness.client.post(WEBHOOK, content=body)
    wrong = await harness.client.post(WEBHOOK, content=body, headers={"Persona-Signature": forged})

    # Assert
    for response in (unsigned, wrong):
        assert response.status_code == 401, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "INVALID_WEBHOOK_SIGNATURE"
    status = await harness.client.get(STATUS, headers=owner.headers)
    assert status.json()["status"] == "unverified"


async def test_a_signed_webhook_moves_the_status_and_its_replay_changes_nothing(
    harness: Harness, owner: User, officer: User
) -> None:
    # Arrange: a verified proof of address; Persona declines the identity
    await reviewed(harness, owner, officer, "proof_of_address", "verified")
    body = persona_event(harness, owner.id, "declined")
    headers = {"Persona-Signature": signature(body, harness.clock.now())}

    # Act
    first = await harness.client.post(WEBHOOK, content=body, headers=headers)
    replay = await harness.client.post(WEBHOOK, content=body, headers=headers)
    harness.clock.advance(timedelta(minutes=10))
    late = await harness.client.post(WEBHOOK, content=body, headers=headers)

    # Assert
    assert first.status_code == 200, first.text
    assert first.json() == {"event_id": "evt_declined_0", "applied": True}
    assert replay.status_code == 200 and replay.json()["applied"] is False
    assert late.status_code == 401
    status = (await harness.client.get(STATUS, headers=owner.headers)).json()
    assert status["status"] == "rejected"
    assert status["provider"]["outcome"] == "declined"
    assert status["provider"]["reference"] == "inq_1"
