"""`bulwark vault list|test|expiring` against a SQLite file store and a local fake Alpaca."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.memory.clock import FakeClock
from application.keys.vault import CreateVaultKey
from bootstrap.cli import EXIT_REFUSED, main
from bootstrap.cli_vault import EXIT_KEY_REFUSED, EXIT_UNREACHABLE
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.settings import load_settings
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from tests.alpaca_server import AlpacaServer, Reply
from tests.kit.cli import cli_container, migrated_from_env, run_cli
from tests.kit.logging_guard import logging_restored  # noqa: F401  (fixture)

KEY_ID = "PKA1B2C3D4E5F6G7H7XQ"
SECRET = "s3cr3t-Alpaca-9f8e7d6c5b4a3210"
BAD_KEY_ID = "PKREFUSED000000ABCDE"
BAD_SECRET = "refused-s3cr3t-0123456789"
SECRETS = (KEY_ID, SECRET, BAD_KEY_ID, BAD_SECRET)
KEK = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"


def env(tmp_path: Path, alpaca_url: str = "http://127.0.0.1:9") -> dict[str, str]:
    return {
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}",
        "BULWARK_KEKS": KEK,
        "BULWARK_ALPACA_TRADING_URL": alpaca_url,
    }


@pytest.fixture
async def alpaca() -> AsyncIterator[AlpacaServer]:
    def account(request: Any) -> Reply:
        if request.headers.get("apca-api-key-id") != KEY_ID:
            return Reply(401, {"code": 40110000, "message": "request is not authorized"})
        return Reply(200, {"id": "x"})

    async with AlpacaServer() as server:
        server.route("GET", "/v2/account", account)
        yield server


@pytest.fixture
async def container(tmp_path: Path, alpaca: AlpacaServer) -> AsyncIterator[ApplicationContainer]:
    settings = load_settings(env(tmp_path, alpaca.url), env_file=None)
    async with cli_container(settings, clock=FakeClock()) as c:
        yield c


async def user(container: ApplicationContainer, name: str) -> Principal:
    view = await container.core.auth().create_user(name, "a-long-password-1", Role.OWNER)
    return Principal(view.id, view.role)


async def key(
    container: ApplicationContainer,
    owner: Principal,
    label: str,
    *,
    key_id: str = KEY_ID,
    secret: str = SECRET,
    days: int | None = None,
) -> str:
    clock = container.core.clock()
    expires = None if days is None else clock.now() + timedelta(days=days)
    command = CreateVaultKey(
        owner, "alpaca", label, ("trading",), key_id, secret, expires_at=expires
    )
    return (await container.core.key_vault().create(command)).id


def clean(text: str) -> bool:
    return not any(secret in text for secret in SECRETS)


async def test_list_shows_a_users_keys_masked(container: ApplicationContainer) -> None:
    # Arrange: alice has two keys, bob one
    alice, bob = await user(container, "alice"), await user(container, "bob")
    first = await key(container, alice, "paper", days=30)
    container.core.clock().advance(timedelta(seconds=1))  # listed oldest first
    second = await key(container, alice, "data", key_id=BAD_KEY_ID, secret=BAD_SECRET)
    theirs = await key(container, bob, "bob's")

    # Act
    code, out = await run_cli(container, "vault", "list", "--user", "alice")

    # Assert
    header, *rows = out.splitlines()
    assert code == 0
    assert header.split("\t") == [
        "id", "provider", "label", "scopes", "key", "status", "expires", "last used"
    ]  # fmt: skip
    assert [r.split("\t")[0] for r in rows] == [first, second]
    assert rows[0].split("\t")[1:] == [
        "alpaca", "paper", "trading", "PK…7XQ", "active", "2026-02-04T14:30:00+00:00", "-"
    ]  # fmt: skip
    assert theirs not in out and clean(out)


async def test_list_and_expiring_as_json_are_masked_objects(
    container: ApplicationContainer,
) -> None:
    # Arrange
    alice = await user(container, "alice")
    soon = await key(container, alice, "paper", days=3)

    # Act
    listed = await run_cli(container, "vault", "list", "--user", "alice", "--json")
    expiring = await run_cli(container, "vault", "expiring", "--json")

    # Assert
    [entry] = json.loads(listed[1])
    [due] = json.loads(expiring[1])
    assert listed[0] == 0 and expiring[0] == 0
    assert entry["id"] == soon and entry["key_hint"] == "PK…7XQ" and entry["scopes"] == ["trading"]
    assert entry["status"] == "active" and entry["last_used_at"] is None
    assert due["user"] == "alice" and due["id"] == soon
    assert clean(listed[1]) and clean(expiring[1])


async def test_test_says_ok_or_refused_with_its_exit_code_and_is_audited(
    container: ApplicationContainer, alpaca: AlpacaServer
) -> None:
    # Arrange
    alice = await user(container, "alice")
    good = await key(container, alice, "good")
    bad = await key(container, alice, "bad", key_id=BAD_KEY_ID, secret=BAD_SECRET)

    # Act
    ok = await run_cli(container, "vault", "test", "--user", "alice", good)
    refused = await run_cli(container, "vault", "test", "--user", "alice", bad)
    listed = await run_cli(container, "vault", "list", "--user", "alice")

    # Assert
    assert ok == (0, f"{good}: ok (HTTP 200): the trading API accepted the key\n")
    assert refused == (EXIT_KEY_REFUSED, f"{bad}: refused (HTTP 401): request is not authorized\n")
    assert "\t-\t2026-01-05T14:30:00+00:00" in listed[1]  # last used: the test used it
    tests = [
        e for e in await container.core.audit().entries(limit=50) if e.action == "vault_key.test"
    ]
    assert sorted((e.actor, e.target, e.outcome) for e in tests) == sorted(
        [(alice.id, f"vault_key:{good}", "ok"), (alice.id, f"vault_key:{bad}", "refused")]
    )
    audited = repr(await container.core.audit().entries(limit=50))
    assert clean(ok[1] + refused[1] + listed[1]) and clean(audited)


async def test_test_of_an_unreachable_provider_exits_with_its_code(tmp_path: Path) -> None:
    # Arrange: nothing listens on port 9
    c = build_container(load_settings(env(tmp_path), env_file=None))
    try:
        assert (await run_cli(c, "migrate"))[0] == 0
        alice = await user(c, "alice")
        vault_key = await key(c, alice, "good")

        # Act
        code, out = await run_cli(c, "vault", "test", "--user", "alice", vault_key)
    finally:
        await c.core.engine().dispose()

    # Assert
    assert code == EXIT_UNREACHABLE
    assert out.startswith(f"{vault_key}: unreachable") and clean(out)


async def test_expiring_lists_every_users_keys_within_the_window(
    container: ApplicationContainer,
) -> None:
    # Arrange: keys expiring in 2, 10 and 40 days, one without expiry, one already expired
    alice, bob = await user(container, "alice"), await user(container, "bob")
    soon = await key(container, alice, "soon", days=2)
    later = await key(container, bob, "later", days=10)
    await key(container, alice, "far", days=40)
    await key(container, bob, "never")
    gone = await key(container, bob, "gone", days=1)
    container.core.clock().advance(timedelta(days=1, seconds=1))

    # Act
    default = await run_cli(container, "vault", "expiring")
    week = await run_cli(container, "vault", "expiring", "--days", "3")

    # Assert
    lines = default[1].splitlines()
    assert default[0] == 0 and lines[0] == "3 vault key(s) expiring within 14 day(s)"
    rows = [line.split("\t") for line in lines[2:]]
    assert [(r[0], r[1], r[5]) for r in rows] == [
        ("bob", gone, "expired"),
        ("alice", soon, "active"),
        ("bob", later, "active"),
    ]
    assert [line.split("\t")[1] for line in week[1].splitlines()[2:]] == [gone, soon]
    (entry, _) = [
        e
        for e in await container.core.audit().entries(limit=50)
        if e.action == "vault_key.expiring"
    ]
    assert (entry.actor, entry.outcome) == ("cli", "ok") and clean(default[1])


async def test_an_unknown_key_or_another_users_key_is_refused(
    container: ApplicationContainer,
) -> None:
    # Arrange
    await user(container, "alice")
    bobs = await key(container, await user(container, "bob"), "bob's")

    # Act / Assert: the use case's NotFound, as the API answers 404
    for key_id in (bobs, "vk-nope"):
        with pytest.raises(NotFound, match=f"vault key {key_id} not found"):
            await run_cli(container, "vault", "test", "--user", "alice", key_id)


@pytest.mark.usefixtures("logging_restored")
def test_operator_mistakes_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange: a migrated store with no users
    migrated_from_env(env(tmp_path), monkeypatch, capfd)

    # Act
    unknown_user = main(["--env-file", "", "vault", "list", "--user", "nobody"])
    unknown_user_err = capfd.readouterr().err
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")
    memory = main(["--env-file", "", "vault", "expiring"])
    memory_err = capfd.readouterr().err
    with pytest.raises(SystemExit) as bad_days:
        main(["--env-file", "", "vault", "expiring", "--days", "-1"])
    bad_days_err = capfd.readouterr().err

    # Assert
    assert (unknown_user, memory) == (EXIT_REFUSED, EXIT_REFUSED)
    assert unknown_user_err == "bulwark: no user named 'nobody'\n"
    assert memory_err.startswith("bulwark: BULWARK_DATABASE_URL is memory://")
    assert bad_days.value.code == 2 and "must be a whole number of days" in bad_days_err
    assert "Traceback" not in unknown_user_err + memory_err + bad_days_err


async def test_only_an_admin_may_list_every_users_expiring_keys(
    container: ApplicationContainer,
) -> None:
    # Arrange
    from application.keys.vault_expiring import VaultExpiryReport

    owner = await user(container, "alice")
    report = VaultExpiryReport(
        container.core.key_vault_store(),
        container.core.uow_factory(),
        container.core.clock(),
        container.core.audit(),
    )

    # Act / Assert
    with pytest.raises(Forbidden):
        await report.expiring(owner, timedelta(days=14))
    assert await report.expiring(Principal("ops", Role.ADMIN), timedelta(days=14)) == []
