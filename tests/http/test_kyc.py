"""KYC documents over HTTP: upload (sniffed, sealed), review workflow, download, deletion."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from domain.kyc.documents import DocumentKind
from domain.principals import Role
from tests.http.harness import Harness, User
from tests.http.kyc_samples import ELF, JPEG, MZ, PDF, PNG, SCRIPT, ZIP, kyc_harness

pytestmark = pytest.mark.serves()

URL = "/api/v1/kyc/documents"
CAP = 4096


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    async with kyc_harness(tmp_path / "docs", kyc_max_bytes=str(CAP)) as h:
        yield h


@pytest.fixture
async def officer(harness: Harness) -> User:
    return await harness.user(Role.RISK_OFFICER)


async def upload(
    h: Harness, user: User, content: bytes, *, name: str = "id.pdf", kind: str = "passport",
    content_type: str = "application/pdf",
) -> Any:  # fmt: skip
    return await h.client.post(
        URL + "/",
        files={"file": (name, content, content_type)},
        data={"kind": kind},
        headers=user.headers,
    )


def stored_objects(h: Harness) -> list[Path]:
    root = Path(h.container.settings().kyc.documents_dir)
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("content", "media_type"), [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")]
)
async def test_each_allowed_type_is_accepted_by_its_content(
    harness: Harness, owner: User, content: bytes, media_type: str
) -> None:
    # Arrange: a misleading name and declared type, to show neither counts
    # Act
    response = await upload(harness, owner, content, name="scan.txt", content_type="text/plain")

    # Assert
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["media_type"] == media_type
    assert body["status"] == "pending"
    assert body["size"] == len(content)
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert "sealed_key" not in body and "storage_key" not in body


@pytest.mark.parametrize("content", [ELF, MZ, SCRIPT, ZIP, b""])
async def test_disguised_executables_and_archives_are_refused(
    harness: Harness, owner: User, content: bytes
) -> None:
    response = await upload(harness, owner, content, name="passport.pdf")

    assert response.status_code == 415, response.text
    assert response.json()["code"] == "UNSUPPORTED_DOCUMENT_TYPE"
    assert stored_objects(harness) == []


async def test_an_upload_above_the_cap_is_refused_with_413(harness: Harness, owner: User) -> None:
    too_big = PDF[:-7] + bytes(CAP) + b"%%EOF\n"

    response = await upload(harness, owner, too_big)

    assert response.status_code == 413
    assert response.json()["code"] == "DOCUMENT_TOO_LARGE"
    assert stored_objects(harness) == []


async def test_a_huge_declared_body_is_refused_before_it_is_read(
    harness: Harness, owner: User
) -> None:
    # Arrange: a body that announces 1 GiB; the server must answer without reading it
    async def endless() -> AsyncIterator[bytes]:
        for _ in range(4):
            yield bytes(1024)
        raise AssertionError("the server read past the announced limit")

    headers = {
        **owner.headers,
        "Content-Type": "multipart/form-data; boundary=xyz",
        "Content-Length": str(1 << 30),
    }

    # Act
    response = await harness.client.post(URL + "/", content=endless(), headers=headers)

    # Assert
    assert response.status_code == 413
    assert response.json()["code"] == "DOCUMENT_TOO_LARGE"


async def test_the_stored_object_is_not_the_plaintext(harness: Harness, owner: User) -> None:
    marker = b"SECRET-PASSPORT-NUMBER-123456789"
    content = PDF[:-7] + marker + b"\n%%EOF\n"

    response = await upload(harness, owner, content)

    assert response.status_code == 201
    [stored] = stored_objects(harness)
    data = stored.read_bytes()
    assert marker not in data
    assert b"%PDF" not in data
    assert stored.stat().st_mode & 0o777 == 0o600


async def test_the_owner_downloads_the_content_with_safe_headers(
    harness: Harness, owner: User
) -> None:
    document = (await upload(harness, owner, PNG)).json()

    response = await harness.client.get(f"{URL}/{document['id']}/content", headers=owner.headers)

    assert response.status_code == 200
    assert response.content == PNG
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-disposition"] == f'attachment; filename="{document["id"]}.png"'
    assert response.headers["x-content-type-options"] == "nosniff"
    entries = await harness.container.core.audit().entries(f"kyc_document:{document['id']}")
    assert {e.action for e in entries} >= {"kyc.document.uploaded", "kyc.document.downloaded"}


async def test_a_tampered_object_is_not_served(harness: Harness, owner: User) -> None:
    document = (await upload(harness, owner, PDF)).json()
    [stored] = stored_objects(harness)
    data = bytearray(stored.read_bytes())
    data[-1] ^= 0x01
    stored.write_bytes(bytes(data))

    response = await harness.client.get(f"{URL}/{document['id']}/content", headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["code"] == "DOCUMENT_UNREADABLE"
    assert b"%PDF" not in response.content


async def test_another_users_document_answers_404_everywhere(harness: Harness, owner: User) -> None:
    stranger = await harness.user()
    document = (await upload(harness, owner, PDF)).json()
    path = f"{URL}/{document['id']}"

    answers = [
        await harness.client.get(path, headers=stranger.headers),
        await harness.client.get(path + "/content", headers=stranger.headers),
        await harness.client.delete(path, headers=stranger.headers),
    ]
    listed = await harness.client.get(URL + "/", headers=stranger.headers)
    others = await harness.client.get(
        URL + "/", params={"owner": owner.id}, headers=stranger.headers
    )

    assert [a.status_code for a in answers] == [404, 404, 404]
    assert listed.json()["items"] == []
    assert others.status_code == 403


async def test_a_reviewer_verifies_and_the_decision_is_final(
    harness: Harness, owner: User, officer: User
) -> None:
    document = (await upload(harness, owner, PDF)).json()
    path = f"{URL}/{document['id']}"

    verified = await harness.client.patch(
        path, json={"status": "verified"}, headers=officer.headers
    )
    again = await harness.client.patch(
        path, json={"status": "rejected", "reason": "blurry"}, headers=officer.headers
    )

    assert verified.status_code == 200, verified.text
    assert verified.json()["status"] == "verified"
    assert verified.json()["reviewer_id"] == officer.id
    assert again.status_code == 409
    assert again.json()["code"] == "DOCUMENT_ALREADY_DECIDED"
    entries = await harness.container.core.audit().entries(f"kyc_document:{document['id']}")
    assert "kyc.document.verified" in {e.action for e in entries}


async def test_a_rejection_needs_a_reason(harness: Harness, owner: User, officer: User) -> None:
    document = (await upload(harness, owner, PDF)).json()
    path = f"{URL}/{document['id']}"

    bare = await harness.client.patch(path, json={"status": "rejected"}, headers=officer.headers)
    reasoned = await harness.client.patch(
        path, json={"status": "rejected", "reason": "expired passport"}, headers=officer.headers
    )

    assert bare.status_code == 422
    assert bare.json()["code"] == "INVALID_REVIEW"
    assert reasoned.json()["status"] == "rejected"
    assert reasoned.json()["reason"] == "expired passport"


async def test_owners_and_traders_do_not_review(harness: Harness, owner: User) -> None:
    document = (await upload(harness, owner, PDF)).json()
    trader = await harness.user(Role.TRADER)
    path = f"{URL}/{document['id']}"

    own = await harness.client.patch(path, json={"status": "verified"}, headers=owner.headers)
    other = await harness.client.patch(path, json={"status": "verified"}, headers=trader.headers)
    back = await harness.client.patch(path, json={"status": "pending"}, headers=owner.headers)

    assert own.status_code == 403
    assert other.status_code == 404  # not theirs: not even seen
    assert back.status_code == 400  # pending is no review outcome


async def test_reviewers_see_everybodys_documents_and_filter_by_owner(
    harness: Harness, owner: User, officer: User
) -> None:
    other = await harness.user()
    mine = (await upload(harness, owner, PDF)).json()
    await upload(harness, other, PNG)

    everyone = await harness.client.get(URL + "/", headers=officer.headers)
    filtered = await harness.client.get(
        URL + "/", params={"owner": owner.id}, headers=officer.headers
    )
    content = await harness.client.get(f"{URL}/{mine['id']}/content", headers=officer.headers)

    assert len(everyone.json()["items"]) == 2
    assert [d["id"] for d in filtered.json()["items"]] == [mine["id"]]
    assert content.status_code == 200


async def test_deletion_removes_the_object_and_keeps_a_tombstone(
    harness: Harness, owner: User
) -> None:
    document = (await upload(harness, owner, JPEG)).json()
    path = f"{URL}/{document['id']}"

    deleted = await harness.client.delete(path, headers=owner.headers)
    row = await harness.client.get(path, headers=owner.headers)
    content = await harness.client.get(path + "/content", headers=owner.headers)

    assert deleted.status_code == 204
    assert stored_objects(harness) == []
    assert row.json()["deleted_at"] is not None
    assert content.status_code == 409
    assert content.json()["code"] == "DOCUMENT_DELETED"


async def test_purge_erases_documents_past_retention(harness: Harness, owner: User) -> None:
    # Arrange: through the service (a session would not last the years this takes)
    service = harness.container.identity.kyc()
    old = await service.upload(owner.principal, DocumentKind.PASSPORT, PDF)
    harness.clock.advance(timedelta(days=service.config.retention.days - 1))
    fresh = await service.upload(owner.principal, DocumentKind.OTHER, PNG)
    harness.clock.advance(timedelta(days=2))

    would = await service.purge(dry_run=True)
    purged = await service.purge()

    assert (would, purged) == (1, 1)
    assert (await service.get(owner.principal, old.id)).deleted
    assert not (await service.get(owner.principal, fresh.id)).deleted
    assert "kyc.document.purged" in {
        e.action for e in await harness.container.core.audit().entries()
    }
    assert len(stored_objects(harness)) == 1


async def test_the_upload_route_alone_takes_bodies_past_the_global_limit(tmp_path: Path) -> None:
    # Arrange: the default KYC cap (10 MiB) and the global 1 MiB body limit
    async with kyc_harness(tmp_path / "big") as h:
        client = h.client
        user = await h.user()
        big = PDF[:-7] + os.urandom(3 * 1024 * 1024) + b"\n%%EOF\n"

        # Act
        uploaded = await upload(h, user, big)
        elsewhere = await client.post(
            "/api/v1/user/workspace",
            content=b'{"workspace_name": "' + b"a" * 1_100_000 + b'"}',
            headers={**user.headers, "Content-Type": "application/json"},
        )
        document = uploaded.json()
        downloaded = await client.get(f"{URL}/{document['id']}/content", headers=user.headers)

    # Assert
    assert uploaded.status_code == 201, uploaded.text
    assert document["size"] == len(big)
    assert downloaded.content == big
    assert elsewhere.status_code == 413
