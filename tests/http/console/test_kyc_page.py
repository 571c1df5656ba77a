"""`/console/kyc`: the signed-in user's KYC documents: upload (multipart, the CSRF token its
first part; a refused file beside its field), list, metadata, download and delete; another
user's document answers 404 (a reviewer's too); the viewer sees no form and its posts are
refused; a post without the CSRF token is refused."""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from domain.principals import Role
from tests.http.console.helpers import ConsoleClient, real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.kyc_samples import ELF, PDF, PNG, kyc_harness

pytestmark = pytest.mark.serves("trading", "safety", "market_data", "devices", "console")

PAGE = "/console/kyc"
UPLOAD = "/console/kyc/upload"
CAP = 4096
_ROWS = re.compile(r'<tr id="doc-([^"]+)">')


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    async with kyc_harness(tmp_path / "docs", kyc_max_bytes=str(CAP)) as h:
        yield h


async def upload(
    client: ConsoleClient, content: bytes, kind: str = "passport", **kw: Any
) -> httpx.Response:
    """The upload form as a browser posts it: the CSRF token first, then the kind, the file."""
    return await client.http.post(
        UPLOAD,
        data={"_csrf": client.csrf, "kind": kind},
        files={"file": ("scan.pdf", content, "application/pdf")},
        **kw,
    )


async def uploaded_from_the_page(client: ConsoleClient, content: bytes) -> str:
    """Upload `content` from the KYC page: the id of the one document its listing shows."""
    await client.get(PAGE)
    await upload(client, content)
    (document_id,) = _ROWS.findall((await client.get(PAGE)).text)
    return document_id


async def test_upload_lists_shows_and_downloads_the_document(harness: Harness, owner: User) -> None:
    # Arrange
    async with signed_in(harness, owner.username) as client:
        before = await client.get(PAGE)

        # Act
        uploaded = await upload(client, PDF, kind="proof_of_address")
        listing = await client.get(PAGE)
        (document_id,) = _ROWS.findall(listing.text)
        shown = await client.get(f"{PAGE}/{document_id}")
        content = await client.get(f"{PAGE}/{document_id}/content")

    # Assert
    assert 'href="/console/kyc" data-key="z"' in before.text
    assert "script-src 'self'" in before.headers["content-security-policy"]
    assert "unsafe-inline" not in before.headers["content-security-policy"]
    assert 'id="no-documents"' in before.text and 'id="kyc-upload-form"' in before.text
    assert uploaded.status_code == 303
    assert uploaded.headers["location"] == f"{PAGE}/{document_id}"
    assert "proof of address" in listing.text and "application/pdf" in listing.text
    assert hashlib.sha256(PDF).hexdigest() in shown.text
    assert f"{len(PDF)} bytes" in shown.text and ">pending<" in shown.text
    assert content.status_code == 200 and content.content == PDF
    assert content.headers["content-disposition"] == f'attachment; filename="{document_id}.pdf"'


async def test_a_refused_file_is_shown_beside_its_field_and_nothing_is_stored(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        disguised = await upload(client, ELF, kind="national_id")
        too_large = await upload(client, PDF + b" " * CAP)
        past_the_body_limit = await upload(client, PDF + b" " * (CAP + 128 * 1024))
        empty = await upload(client, b"")
        by_htmx = await upload(
            client, ELF, headers={"HX-Request": "true", "X-CSRF-Token": client.csrf}
        )
    stored = await harness.container.identity.kyc().list(owner.principal, None)

    assert disguised.status_code == 415
    assert 'id="file-error"' in disguised.text and "PDF, PNG or JPEG" in disguised.text
    assert '<option value="national_id" selected>' in disguised.text  # the kind typed stays
    assert too_large.status_code == 413 and f"{CAP}-byte limit" in too_large.text
    assert past_the_body_limit.status_code == 413  # refused before the form is read
    assert 'id="file-error"' in past_the_body_limit.text
    assert empty.status_code == 422 and "choose a PDF, PNG or JPEG file" in empty.text
    assert by_htmx.status_code == 200 and real_status(by_htmx) == 415
    assert by_htmx.headers["X-Bulwark-Code"] == "UNSUPPORTED_DOCUMENT_TYPE"
    assert stored == []


async def test_delete_keeps_a_tombstone_and_the_content_goes(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        document_id = await uploaded_from_the_page(client, PNG)
        deleted = await client.post(f"{PAGE}/{document_id}/delete")
        shown = await client.get(f"{PAGE}/{document_id}")
        content = await client.get(f"{PAGE}/{document_id}/content")

    assert deleted.status_code == 303 and deleted.headers["location"] == PAGE
    assert 'id="kyc-status"><span class="state state-bad">deleted' in shown.text
    assert 'id="download"' not in shown.text
    assert content.status_code == 409 and "DOCUMENT_DELETED" in content.text


async def test_another_users_document_answers_404_even_to_a_reviewer(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        document_id = await uploaded_from_the_page(client, PDF)
    other = await harness.user()
    officer = await harness.user(Role.RISK_OFFICER)

    answers: dict[str, list[int]] = {}
    for user in (other, officer):
        async with signed_in(harness, user.username) as client:
            listing = await client.get(PAGE)
            answers[user.username] = [
                (await client.get(f"{PAGE}/{document_id}")).status_code,
                (await client.get(f"{PAGE}/{document_id}/content")).status_code,
                (await client.post(f"{PAGE}/{document_id}/delete")).status_code,
            ]
            assert document_id not in listing.text
    kept = await harness.container.identity.kyc().get(owner.principal, document_id)

    assert answers == {other.username: [404, 404, 404], officer.username: [404, 404, 404]}
    assert kept.deleted is False


async def test_the_viewer_sees_its_list_without_a_form_and_its_posts_are_refused(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        document_id = await uploaded_from_the_page(client, PDF)
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PAGE)
        uploaded = await upload(client, PDF)
        deleted = await client.htmx("POST", f"{PAGE}/{document_id}/delete")
    stored = await harness.container.identity.kyc().list(viewer.principal, None)

    assert page.status_code == 200 and 'id="kyc-documents"' in page.text
    assert 'id="kyc-upload-form"' not in page.text and "delete-document" not in page.text
    assert uploaded.status_code == 403
    assert real_status(deleted) == 403 and deleted.headers["X-Bulwark-Code"] == "FORBIDDEN"
    assert stored == []


async def test_an_upload_or_delete_without_the_csrf_token_is_refused(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        document_id = await uploaded_from_the_page(client, PDF)
        token = client.csrf
        client.csrf = "forged-token"
        forged = await upload(client, PDF)
        no_token = await client.http.post(
            UPLOAD, data={"kind": "passport"}, files={"file": ("a.pdf", PDF, "application/pdf")}
        )
        delete = await client.http.post(f"{PAGE}/{document_id}/delete", data={"_csrf": "x"})
        client.csrf = token
        listing = await client.get(PAGE)

    assert [forged.status_code, no_token.status_code, delete.status_code] == [403, 403, 403]
    assert len(_ROWS.findall(listing.text)) == 1


async def test_the_status_filter_and_the_pages(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        for _ in range(27):
            await upload(client, PNG)
        first = await client.get(PAGE)
        cursor = re.search(r'after=([^"]+)" id="next-page"', first.text)
        assert cursor is not None
        second = await client.get(f"{PAGE}?after={cursor.group(1)}")
        verified = await client.get(f"{PAGE}?status=verified")

    assert len(_ROWS.findall(first.text)) == 25
    assert len(_ROWS.findall(second.text)) == 2 and 'id="next-page"' not in second.text
    assert not set(_ROWS.findall(first.text)) & set(_ROWS.findall(second.text))
    assert 'id="no-documents">No document is verified.' in verified.text


_STATUS = re.compile(r'id="kyc-status" data-status="([a-z]+)"')


async def test_the_page_shows_the_callers_own_kyc_status_as_reviews_decide_it(
    harness: Harness, owner: User
) -> None:
    # Arrange: the owner's page before any document; then a passport and a proof of address
    # uploaded from it, both verified by a risk officer over the API
    officer = await harness.user(Role.RISK_OFFICER)
    other = await harness.user()
    async with signed_in(harness, owner.username) as client:
        before = await client.get(PAGE)
        await upload(client, PDF, kind="passport")
        await upload(client, PDF, kind="proof_of_address")
        pending = await client.get(PAGE)
        documents = _ROWS.findall(pending.text)

    # Act
    for document_id in documents:
        decided = await harness.client.patch(
            f"/api/v1/kyc/documents/{document_id}",
            json={"status": "verified"},
            headers=officer.headers,
        )
        assert decided.status_code == 200, decided.text
    async with signed_in(harness, owner.username) as client:
        after = await client.get(PAGE)
    async with signed_in(harness, other.username) as client:
        others = await client.get(PAGE)

    # Assert: the owner's status moves; another user's page shows theirs, untouched
    assert len(documents) == 2
    assert _STATUS.findall(before.text) == ["unverified"]
    assert _STATUS.findall(pending.text) == ["pending"]
    assert _STATUS.findall(after.text) == ["verified"]
    assert _STATUS.findall(others.text) == ["unverified"]
