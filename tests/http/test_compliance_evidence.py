"""The evidence pack through the API: a denial counted by day and reason, the digest of the
canonical content recorded in the audit chain and verified, the chain head, an admin's pack
with the chain verified; an agent refused, another owner's account or book 404, a bad period
refused, a changed pack not verified."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "books", "account_rules", "compliance", "identity", "audit"),
    pytest.mark.shares_app(),
]

EVIDENCE = "/api/v1/compliance/evidence"


# The market harness's clock stands in early January 2026.
NOW = datetime(2026, 1, 5, tzinfo=UTC)


def period(**params: str) -> dict[str, str]:
    since, until = NOW - timedelta(days=30), NOW + timedelta(days=30)
    return {"from": since.isoformat(), "to": until.isoformat(), **params}


def canonical(content: dict[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


async def pack(harness: Harness, user: User, **params: str) -> dict[str, Any]:
    response = await harness.client.get(EVIDENCE, params=period(**params), headers=user.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_pack_counts_the_denials_and_its_digest_is_anchored_and_verifies(
    market: Harness, owner: User
) -> None:
    # Arrange: a size limit and an order over it
    account = await market.account(owner, "acc-evidence")
    rule = {"rule_type": "MAX_ORDER_QUANTITY", "params": {"max_quantity": "100"},
            "action": "block", "account_id": account}  # fmt: skip
    made = await market.client.post("/api/v1/risk-rules", json=rule, headers=owner.headers)
    assert made.status_code == 201, made.text
    assert_problem(await submit(market, owner, order_body(account, quantity="500")), 422,
                   "ORDER_DENIED")  # fmt: skip

    # Act
    body = await pack(market, owner, account_id=account)
    checked = await market.client.post(
        f"{EVIDENCE}/verify", json={"content": body["content"], "digest": body["digest"]},
        headers=owner.headers,
    )  # fmt: skip
    head = await market.client.get("/api/v1/compliance/chain-head", headers=owner.headers)

    # Assert
    content = body["content"]
    assert content["scope"]["accounts"] == [account]
    assert [r["rule_type"] for r in content["limits"]] == ["MAX_ORDER_QUANTITY"]
    [day] = content["breaches"]["per_day"]
    assert day["by_reason"]["MAX_ORDER_QUANTITY"] == 1
    assert body["digest"] == hashlib.sha256(canonical(content)).hexdigest()
    assert body["audit_entry_seq"] is not None
    assert "entries_in_scope" in content["audit"] and "verification" not in content["audit"]
    assert checked.status_code == 200, checked.text
    assert checked.json()["ok"] is True
    assert checked.json()["audit_entry_seq"] == body["audit_entry_seq"]
    assert head.status_code == 200
    assert head.json()["seq"] >= body["audit_entry_seq"] and len(head.json()["hash"]) == 64


async def test_a_changed_pack_does_not_verify(market: Harness, owner: User) -> None:
    await market.account(owner, "acc-changed")
    body = await pack(market, owner)
    body["content"]["limits"] = [{"id": "made-up"}]

    checked = await market.client.post(
        f"{EVIDENCE}/verify", json={"content": body["content"], "digest": body["digest"]},
        headers=owner.headers,
    )  # fmt: skip

    assert checked.status_code == 200
    assert checked.json()["matches"] is False and checked.json()["ok"] is False


async def test_an_admins_pack_holds_the_chain_verified(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-admin-view")
    admin = await market.user(Role.ADMIN)

    body = await pack(market, admin, account_id=account)

    assert body["content"]["audit"]["verification"]["ok"] is True


async def test_another_owners_account_or_book_answers_404(market: Harness, owner: User) -> None:
    # Arrange
    other = await market.user()
    theirs = await market.account(other, "acc-theirs")
    book = {"name": "theirs", "members": [theirs], "limits": []}
    made = await market.client.post("/api/v1/books", json=book, headers=other.headers)
    assert made.status_code == 201, made.text

    # Act
    by_account = await market.client.get(
        EVIDENCE, params=period(account_id=theirs), headers=owner.headers
    )
    by_book = await market.client.get(
        EVIDENCE, params=period(book_id=made.json()["id"]), headers=owner.headers
    )

    # Assert
    assert_problem(by_account, 404, "NOT_FOUND")
    assert_problem(by_book, 404, "NOT_FOUND")


async def test_an_agent_is_refused(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-evidence-agent")
    key = await market.agent_key(owner, "bot-1", (account,))

    response = await market.client.get(EVIDENCE, params=period(), headers={"X-API-Key": key})
    head = await market.client.get("/api/v1/compliance/chain-head", headers={"X-API-Key": key})

    assert_problem(response, 403, "FORBIDDEN")
    assert_problem(head, 403, "FORBIDDEN")


async def test_a_bad_period_is_refused(market: Harness, owner: User) -> None:
    now = NOW
    backwards = {"from": now.isoformat(), "to": (now - timedelta(days=1)).isoformat()}
    naive = {"from": "2026-01-01T00:00:00", "to": "2026-01-02T00:00:00"}
    too_long = {"from": (now - timedelta(days=400)).isoformat(), "to": now.isoformat()}

    answers = [
        await market.client.get(EVIDENCE, params=p, headers=owner.headers)
        for p in (backwards, naive, too_long)
    ]
    missing = await market.client.get(EVIDENCE, headers=owner.headers)

    for answer in answers:
        assert_problem(answer, 422, "INVALID_EVIDENCE_QUERY")
    assert missing.status_code == 400


async def test_the_html_variant_shows_the_digest_it_recorded(market: Harness, owner: User) -> None:
    await market.account(owner, "acc-html")

    response = await market.client.get(
        EVIDENCE, params=period(format="html"), headers=owner.headers
    )

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    anchored = await market.client.get(
        "/api/v1/audit", params={"action": "compliance.evidence_pack"}, headers=owner.headers
    )
    digest = anchored.json()["items"][0]["details"]["digest"]
    assert f'id="digest">{digest}<' in response.text
    assert "<script" not in response.text and "http://" not in response.text


async def test_the_pdf_variant_carries_the_digest(market: Harness, owner: User) -> None:
    await market.account(owner, "acc-pdf")

    response = await market.client.get(EVIDENCE, params=period(format="pdf"), headers=owner.headers)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    anchored = await market.client.get(
        "/api/v1/audit", params={"action": "compliance.evidence_pack"}, headers=owner.headers
    )
    digest = anchored.json()["items"][0]["details"]["digest"]
    assert digest[:12] in response.headers["content-disposition"]
    assert f"sha256 {digest}".encode() in response.content
