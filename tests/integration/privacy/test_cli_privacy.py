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
from domain.errors import Unauthenticated
from domain.identity.users import UserErased
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


async def test_an_erased_user_cannot_be_reactivated_from_the_console(
    container: ApplicationContainer,
) -> None:
    # Arrange
    _, alice = await _users(container)
    erased = await run_cli(
        container, "privacy", "erase", "alice", "--by", "root", "--confirm", "alice"
    )
    assert erased[0] == 0, erased
    async with container.core.uow_factory()() as uow:
        user = await uow.users.get(alice)
    assert user is not None

    # Act / Assert: refused in one line naming the erasure (bulwark prints it, exit 1)
    with pytest.raises(UserErased, match="erased on request") as refused:
        await run_cli(container, "users", "reactivate", user.username)
    assert refused.value.code == "USER_ERASED" and "\n" not in str(refused.value)
    async with container.core.uow_factory()() as uow:
        still = await uow.users.get(alice)
    assert still is not None and not still.active


async def test_a_new_user_with_an_erased_persons_name_exports_none_of_their_entries(
    container: ApplicationContainer, tmp_path: Path
) -> None:
    # Arrange: alice signs in and fails once, is erased, and a new alice takes the name
    _, first = await _users(container)
    auth = container.core.auth()
    await auth.login("alice", "a long passphrase 2", client="198.51.100.7")
    with pytest.raises(Unauthenticated):
        await auth.login("alice", "not her passphrase", client="198.51.100.7")
    erased = await run_cli(
        container, "privacy", "erase", "alice", "--by", "root", "--confirm", "alice"
    )
    assert erased[0] == 0, erased
    second = await auth.create_user("alice", "a long passphrase 3", Role.OWNER)
    await auth.login("alice", "a long passphrase 3", client="192.0.2.1")
    out = tmp_path / "new-alice.zip"

    # Act
    exported = await run_cli(
        container, "privacy", "export", "alice", "--by", "root", "--out", str(out)
    )

    # Assert: the new person's sign-in only; nothing of the erased person's
    assert exported[0] == 0, exported
    zipped = zipfile.ZipFile(io.BytesIO(out.read_bytes()))
    audit = json.loads(zipped.read("audit.json"))
    assert {(e["action"], e["ip"] or e["actor"]) for e in audit if e["action"] == "auth.login"}
    everything = b"".join(zipped.read(name) for name in zipped.namelist()).decode()
    assert first not in everything and "198.51.100.7" not in everything
    assert {row["user_id"] for row in json.loads(zipped.read("logins.json"))} <= {second.id}
