"""/api/v1/admin/keys: status per store and key, background rotation, admins only."""

from __future__ import annotations

import asyncio
import base64
import os
from typing import Any

import pyotp
import pytest

from adapters.security.cipher import FernetCipher
from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import PASSWORD, Harness

pytestmark = pytest.mark.serves("keys")

KEY_V1 = base64.b64encode(os.urandom(32)).decode()
KEY_V2 = base64.b64encode(os.urandom(32)).decode()
LEGACY_KEY = FernetCipher.new_key().decode()
TOTP_SEED = pyotp.random_base32()


async def finished(harness: Harness, headers: dict[str, str], rotation_id: str) -> dict[str, Any]:
    for _ in range(200):
        response = await harness.client.get(
            f"/api/v1/admin/keys/rotations/{rotation_id}", headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        if body["state"] != "running":
            return body
        await asyncio.sleep(0.01)
    raise AssertionError("the rotation did not finish")


async def test_an_admin_sees_the_keys_and_rotates_a_legacy_secret_to_the_current_kek() -> None:
    keks = f"main 1 {KEY_V1}; main 2 {KEY_V2}"
    async with harness_with(keks=keks, secret_key=LEGACY_KEY) as harness:
        # Arrange: an owner whose TOTP secret was sealed with Fernet before envelopes
        admin = await harness.user(Role.ADMIN)
        owner = await harness.user()
        stored = harness.container.core.store().users[owner.id]
        stored.mfa_secret, stored.mfa_enabled = (
            FernetCipher(LEGACY_KEY.encode()).encrypt(TOTP_SEED),
            True,
        )

        # Act
        before = await harness.client.get("/api/v1/admin/keys", headers=admin.headers)
        started = await harness.client.post("/api/v1/admin/keys/rotate", headers=admin.headers)
        done = await finished(harness, admin.headers, started.json()["id"])
        after = await harness.client.get("/api/v1/admin/keys", headers=admin.headers)
        login = await harness.client.post(
            "/api/v1/auth/login",
            json={
                "username": owner.username,
                "password": PASSWORD,
                "totp_code": pyotp.TOTP(TOTP_SEED).at(harness.clock.now()),
            },
        )

        # Assert
        assert before.status_code == 200, before.text
        body = before.json()
        assert body["current"] == "main v2" and body["configured"] == ["main v1", "main v2"]
        mfa = next(s for s in body["sources"] if s["name"] == "users.mfa_secret")
        assert mfa["labels"] == {"legacy": 1}
        assert started.status_code == 202 and started.json()["target"] == "main v2"
        assert done["state"] == "succeeded" and done["counts"]["upgraded"] == 1
        assert done["percent"] == 100.0
        mfa = next(s for s in after.json()["sources"] if s["name"] == "users.mfa_secret")
        assert mfa["labels"] == {"main v2": 1}
        assert login.status_code == 200, login.text
        for text in (before.text, started.text, after.text, str(done)):
            assert KEY_V1 not in text and KEY_V2 not in text and LEGACY_KEY not in text
            assert TOTP_SEED not in text


async def test_key_administration_is_for_admins_only(harness: Harness) -> None:
    owner = await harness.user()
    officer = await harness.user(Role.RISK_OFFICER)

    status = await harness.client.get("/api/v1/admin/keys", headers=owner.headers)
    rotate = await harness.client.post("/api/v1/admin/keys/rotate", headers=officer.headers)
    anonymous = await harness.client.get("/api/v1/admin/keys")

    assert_problem(status, 403, "FORBIDDEN")
    assert_problem(rotate, 403, "FORBIDDEN")
    assert anonymous.status_code == 401


async def test_an_unknown_rotation_is_404(harness: Harness) -> None:
    admin = await harness.user(Role.ADMIN)

    response = await harness.client.get(
        "/api/v1/admin/keys/rotations/rot-nope", headers=admin.headers
    )

    assert_problem(response, 404, "NOT_FOUND")
