"""`bulwark keys generate|status|rotate|retire`: the rotation runbook end to end on SQLite."""

from __future__ import annotations

import asyncio
import base64
import binascii
import os
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from adapters.memory.key_rotation import InMemoryKeyRotationStore
from bootstrap.cli import EXIT_REFUSED, main
from bootstrap.cli_keys import EXIT_UNREADABLE
from bootstrap.containers.application import build_container
from bootstrap.keys import retired_keys_check
from bootstrap.settings import load_settings
from domain.principals import Role
from ports.keys.key_rotation import RetiredKey
from tests.kit.sqlite_store import migrated_sqlite
from tests.unit.core.security.keys.helpers import T0, V1, V2, box, rotation_world

SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
KEY1 = base64.b64encode(os.urandom(32)).decode()
KEY2 = base64.b64encode(os.urandom(32)).decode()


@pytest.fixture
def store_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A migrated SQLite store, a KEK file with main v1, and alice whose TOTP secret it seals."""
    keks = tmp_path / "keks"
    keks.write_text(f"main 1 {KEY1}\n")
    monkeypatch.setenv("BULWARK_ENV", "test")
    monkeypatch.setenv("BULWARK_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'b.db'}")
    monkeypatch.setenv("BULWARK_KEKS_FILE", str(keks))
    asyncio.run(migrated_sqlite(tmp_path / "b.db"))
    assert main(["--env-file", "", "migrate"]) == 0
    asyncio.run(_seed_alice())
    return keks


async def _seed_alice(secret_text: str | None = None) -> None:
    container = build_container(load_settings(env_file=None))
    try:
        view = await container.core.auth().create_user("alice", "a-long-password-1", _owner())
        async with container.core.uow_factory()() as uow:
            user = await uow.users.get(view.id)
            assert user is not None
            user.mfa_secret = secret_text or container.core.sealer().seal(
                SEED, "user.mfa_secret", view.id
            )
            user.mfa_enabled = True
            await uow.users.add(user)
            await uow.commit()
    finally:
        await container.core.engine().dispose()


def _owner() -> Role:
    return Role.OWNER


def keys(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--env-file", "", "keys", *argv])
    captured = capfd.readouterr()
    return code, captured.out, captured.err


def test_generate_prints_the_next_version_of_the_current_key(
    store_env: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = keys(capfd, "generate")

    key_id, version, key = out.split()
    assert (code, key_id, version) == (0, "main", "2")
    assert len(base64.b64decode(key, validate=True)) == 32 and key not in (KEY1, KEY2)


def test_generate_without_a_kek_prints_a_first_one(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BULWARK_ENV", "test")
    monkeypatch.delenv("BULWARK_KEKS_FILE", raising=False)
    monkeypatch.delenv("BULWARK_KEKS", raising=False)

    code, out, _ = keys(capfd, "generate")

    assert code == 0 and out.split()[:2] == ["main", "1"]


def test_the_runbook_rotate_then_retire_and_no_key_material_is_written(
    store_env: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange: main v2 is added to the file (the restart is the next command's new process)
    store_env.write_text(f"main 1 {KEY1}\nmain 2 {KEY2}\n")

    # Act
    status_before = keys(capfd, "status")
    refused = keys(capfd, "retire", "main", "1")
    rotated = keys(capfd, "rotate", "--batch", "1")
    status_after = keys(capfd, "status")
    retired = keys(capfd, "retire", "main", "1")
    unknown = keys(capfd, "retire", "main", "9")

    # Assert
    assert status_before[0] == 0
    assert "current key: main v2 (configured: main v1, main v2)" in status_before[1]
    assert "users.mfa_secret: 1 record(s) -- main v1: 1" in status_before[1]
    assert refused[0] == EXIT_REFUSED
    assert refused[2].strip().splitlines() == [
        "bulwark: main v1 still seals 1 record(s) (users.mfa_secret 1): run `bulwark keys "
        "rotate` first"
    ]
    assert rotated[0] == 0 and "rotated to main v2: seen 1, upgraded 1" in rotated[1]
    assert "progress 100% (" in rotated[2] and "progress" not in rotated[1]
    assert "users.mfa_secret: 1 record(s) -- main v2: 1" in status_after[1]
    assert retired[0] == 0 and "retired main v1" in retired[1] and "Remove its line" in retired[1]
    assert unknown[0] == EXIT_REFUSED and "main v9 is not configured" in unknown[2]
    everything = "".join(out + err for _, out, err in (status_before, refused, rotated, retired))
    assert KEY1 not in everything and KEY2 not in everything and SEED not in everything


def test_unreadable_records_are_named_and_make_the_exit_code_non_zero(
    store_env: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange: bob's secret was sealed under a KEK that is not configured
    stray = box(V1).seal(SEED, "user.mfa_secret", "someone-else")
    asyncio.run(_seed_bob(stray))
    store_env.write_text(f"main 1 {KEY1}\nmain 2 {KEY2}\n")

    # Act
    with capture_logs() as logs:
        code, out, err = keys(capfd, "rotate")

    # Assert
    assert code == EXIT_UNREADABLE
    assert "unreadable 1" in out and "unreadable: users.mfa_secret record " in out
    assert stray not in out + err + repr(logs)
    assert not _has_key_material(out + err + repr(logs))


async def _seed_bob(text: str) -> None:
    container = build_container(load_settings(env_file=None))
    try:
        view = await container.core.auth().create_user("bob", "a-long-password-1", _owner())
        async with container.core.uow_factory()() as uow:
            user = await uow.users.get(view.id)
            assert user is not None
            user.mfa_secret, user.mfa_enabled = text, True
            await uow.users.add(user)
            await uow.commit()
    finally:
        await container.core.engine().dispose()


def _has_key_material(text: str) -> bool:
    for key in (KEY1, KEY2):
        raw = base64.b64decode(key)
        urlsafe = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        if key in text or urlsafe in text or binascii.hexlify(raw).decode() in text:
            return True
    return SEED in text


def test_keys_commands_without_a_kek_say_so_in_one_line(
    store_env: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BULWARK_KEKS_FILE")

    code, _, err = keys(capfd, "status")

    assert code == EXIT_REFUSED
    assert err.strip().splitlines() == [
        "bulwark: no key-encryption key is configured: set BULWARK_KEKS_FILE (or "
        "BULWARK_KEKS); `bulwark keys generate` makes the first line"
    ]


def test_a_bad_batch_is_a_usage_error(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--env-file", "", "keys", "rotate", "--batch", "0"])

    assert exited.value.code == 2
    assert "--batch must be a whole number" in capfd.readouterr().err


async def test_a_retired_version_still_configured_is_warned_about_at_start_up() -> None:
    # Arrange
    world = rotation_world()
    rotation = world.rotation(box(V1, V2), V1, V2)
    store = world.checkpoints
    assert isinstance(store, InMemoryKeyRotationStore)
    await store.retire(RetiredKey(V1, T0, "cli"))

    # Act
    with capture_logs() as logs:
        check = retired_keys_check(lambda: rotation)
        await anext(check)

    # Assert
    [warning] = [e for e in logs if e["event"] == "retired_kek_still_configured"]
    assert warning["kek"] == "main v1" and warning["log_level"] == "warning"
