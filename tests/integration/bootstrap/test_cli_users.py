"""`bulwark users ...` and `bulwark invite` against a migrated SQLite store."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from application.identity.invitations import NewUser
from bootstrap.cli import _parser
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import SettingsError
from domain.identity.onboarding_errors import AccountDeactivated
from domain.principals import Role
from tests.kit.cli import cli_container, run_cli, sqlite_settings

PASSWORD = "a-long-password-1"


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(sqlite_settings(tmp_path / "bulwark.db"), fast_hashing=True) as c:
        for name, role in (("root", "admin"), ("alice", "owner")):
            code, output = await run_cli(
                c, "create-user", name, "--role", role, "--password-stdin", stdin=f"{PASSWORD}\n"
            )
            assert code == 0, output
        yield c


async def test_users_list_shows_every_user(container: ApplicationContainer) -> None:
    code, output = await run_cli(container, "users", "list")

    assert code == 0
    lines = output.splitlines()
    assert lines[0].split("\t") == ["id", "username", "role", "active", "mfa", "email"]
    assert [line.split("\t")[1:4] for line in lines[1:]] == [
        ["alice", "owner", "yes"],
        ["root", "admin", "yes"],
    ]


async def test_users_list_json_is_a_list_of_objects_with_stable_keys(
    container: ApplicationContainer,
) -> None:
    # Act
    code, output = await run_cli(container, "users", "list", "--json")

    # Assert
    users = json.loads(output)
    assert code == 0
    assert [u["username"] for u in users] == ["alice", "root"]
    assert all(
        list(u) == ["id", "username", "role", "active", "mfa_enabled", "email", "created_at"]
        for u in users
    )
    assert users[0]["role"] == "owner" and users[0]["active"] is True
    assert users[0]["email"] is None


async def test_set_role_deactivate_and_reactivate(container: ApplicationContainer) -> None:
    assert (await run_cli(container, "users", "set-role", "alice", "trader"))[1] == (
        "alice is now trader\n"
    )

    code, _ = await run_cli(container, "users", "deactivate", "alice")

    assert code == 0
    with pytest.raises(AccountDeactivated):
        await container.core.auth().login("alice", PASSWORD)
    await run_cli(container, "users", "reactivate", "alice")
    assert await container.core.auth().login("alice", PASSWORD)


async def test_reset_mfa_and_an_unknown_user(container: ApplicationContainer) -> None:
    code, output = await run_cli(container, "users", "reset-mfa", "alice")

    assert code == 0 and "reset" in output
    with pytest.raises(SettingsError, match="no user named 'nobody'"):
        await run_cli(container, "users", "deactivate", "nobody")


async def test_invite_prints_a_token_that_creates_the_user(container: ApplicationContainer) -> None:
    code, output = await run_cli(container, "invite", "--role", "trader", "--hours", "2")

    token = output.split("token (shown once): ")[1].strip()
    user = await container.identity.invitations().accept(token, NewUser("carol", PASSWORD))
    assert code == 0 and user.role.value == "trader"


@pytest.mark.parametrize("hours", ["0", "721", "2.5", "-1"])
def test_invite_hours_out_of_bounds_is_a_usage_error(hours: str) -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["invite", "--role", "owner", "--hours", hours])


async def test_set_role_makes_a_read_only_viewer(container: ApplicationContainer) -> None:
    # Act
    code, output = await run_cli(container, "users", "set-role", "alice", "viewer")

    # Assert
    assert (code, output) == (0, "alice is now viewer\n")
    session = await container.core.auth().authenticate(
        (await container.core.auth().login("alice", PASSWORD)).access_token
    )
    assert session.principal.role is Role.VIEWER
