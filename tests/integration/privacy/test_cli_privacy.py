"""`bulwark privacy export|erase` against the embedded SQLite store: the zip written, the user
erased, the records kept, and one clear line for an operator's mistake."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest

from application.privacy.personal_data import ErasureNotConfirmed
from application.safety.agents import RegisterAgent
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import SettingsError
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from tests.kit.cli import cli_container, run_cli, sqlite_settings


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(sqlite_settings(tmp_path / "b.db"), fast_hashing=True) as c:
        yield c


async def _users(container: ApplicationContainer) -> tuple[str, str]:
    auth = container.core.auth()
    admin = await auth.create_user("root", "a long passphrase 1", Role.ADMIN)
    alice = await auth.create_user("alice", "a long passphrase 2", Role.OWNER, email="a@x.test")
    async with container.core.uow_factory()() as uow:
        await uow.accounts.add(Account("acc-a", alice.id, Decimal("2500.50")))
        await uow.commit()
    owner = Principal(alice.id, Role.OWNER)
    await container.safety.agents().register_agent(RegisterAgent(owner, "bot-a", "bot", ("acc-a",)))
    await container.core.api_keys().create(owner, "bot-a")
    return admin.id, alice.id


async def test_export_writes_the_zip_and_erase_closes_the_user(
    container: ApplicationContainer, tmp_path: Path
) -> None:
    # Arrange
    _, alice = await _users(container)
    out = tmp_path / "alice.zip"

    # Act
    exported = await run_cli(
        container, "privacy", "export", "alice", "--by", "root", "--out", str(out)
    )
    erased = await run_cli(
        container, "privacy", "erase", "alice", "--by", "root", "--confirm", "alice"
    )

    # Assert
    assert exported[0] == 0 and exported[1].startswith(f"privacy: wrote {out} (")
    zipped = zipfile.ZipFile(io.BytesIO(out.read_bytes()))
    accounts = json.loads(zipped.read("accounts.json"))
    assert [(a["id"], a["cash"]) for a in accounts] == [("acc-a", "2500.50")]
    assert json.loads(zipped.read("user.json"))[0]["email"] == "a@x.test"
    assert erased[0] == 0, erased
    assert "1 API keys revoked" in erased[1] and "kept: accounts, orders and fills" in erased[1]
    async with container.core.uow_factory()() as uow:
        user = await uow.users.get(alice)
        account = await uow.accounts.get("acc-a")
    assert user is not None and user.username.startswith("erased-") and user.email is None
    assert not user.active and account is not None and account.owner_id == alice


async def test_an_operators_mistake_is_one_line(container: ApplicationContainer) -> None:
    # Arrange
    await _users(container)

    # Act / Assert: an unknown user, and a confirmation that does not match
    with pytest.raises(SettingsError, match="no user named 'bob'"):
        await run_cli(container, "privacy", "export", "bob", "--by", "root")
    with pytest.raises(ErasureNotConfirmed, match="confirm with their username"):
        await run_cli(container, "privacy", "erase", "alice", "--by", "root", "--confirm", "al")
