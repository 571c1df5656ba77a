"""`bulwark connections list|add|test|rotate|revoke` against the embedded SQLite store and the
Tradier simulator served on loopback: the secret read from the environment or stdin and never
printed, and one line naming its code for an operator's mistake."""

from __future__ import annotations

import base64
import io
import logging
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from adapters.brokers.simulators import tradier as tradier_sim
from bootstrap.commands.connections import EXIT_REFUSED, SECRET_VARIABLE
from bootstrap.containers.application import ApplicationContainer
from bootstrap.logging import configure_logging
from bootstrap.settings import load_settings
from domain.principals import Role
from tests.alpaca_server import AlpacaServer
from tests.kit.cli import SQLITE, cli_container, run_cli
from tests.kit.fake_server import threaded
from tests.kit.logging_guard import logging_restored
from tests.kit.settings import settings_of

__all__ = ["logging_restored"]

KEKS = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"  # the vault seals the token


@pytest.fixture(scope="module")
def tradier() -> Iterator[str]:
    """The Tradier simulator's API root, served from a thread of its own."""
    with threaded(AlpacaServer()) as server:
        tradier_sim.TradierSimulator().install(server)
        yield f"{server.url}/v1"


@pytest.fixture
async def container(tmp_path: Path, logging_restored: None) -> AsyncIterator[ApplicationContainer]:
    settings = settings_of(database_url=f"{SQLITE}{tmp_path / 'b.db'}", keks=KEKS)
    configure_logging("info")  # as `main` does: what an operator's terminal would show
    # The simulated venue serves from this process; a real one logs its requests elsewhere.
    venue_log = logging.getLogger("uvicorn.access")
    venue_level = venue_log.level
    venue_log.setLevel(logging.WARNING)
    async with cli_container(settings, fast_hashing=True) as c:
        auth = c.core.auth()
        await auth.create_user("alice", "a long passphrase 1", Role.OWNER)
        await auth.create_user("bob", "a long passphrase 2", Role.OWNER)
        yield c
    venue_log.setLevel(venue_level)


def _add(endpoint: str, user: str = "alice") -> tuple[str, ...]:
    return (
        "connections", "add", "--as", user, "--label", "tradier desk", "--kind", "tradier",
        "--venue-account", tradier_sim.TRADIER_ACCOUNT, "--endpoint", endpoint,
    )  # fmt: skip


async def test_a_connection_from_add_to_revoke(
    container: ApplicationContainer,
    tradier: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: the token in the environment for `add`, on stdin for `rotate`
    monkeypatch.setenv(SECRET_VARIABLE, tradier_sim.TOKEN)

    # Act
    added = await run_cli(container, *_add(tradier))
    connection = added[1].split()[2]
    listed = await run_cli(container, "connections", "list", "--as", "alice")
    tested = await run_cli(container, "connections", "test", "--as", "alice", connection)
    monkeypatch.delenv(SECRET_VARIABLE)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{tradier_sim.TOKEN}\n"))
    rotated = await run_cli(container, "connections", "rotate", "--as", "alice", connection)
    unconfirmed = await run_cli(
        container, "connections", "revoke", "--as", "alice", connection, "--confirm", "vc-x"
    )
    refused = capsys.readouterr().err
    revoked = await run_cli(
        container, "connections", "revoke", "--as", "alice", connection, "--confirm", connection
    )
    after = await run_cli(container, "connections", "list", "--as", "alice")

    # Assert: checked at the venue; the hint shown (a number this short masks to …), never the token
    assert added[0] == 0, added
    assert connection.startswith("vc-") and f"{connection}: ok: " in added[1]
    assert listed[0] == 0
    header, row = listed[1].splitlines()
    assert header == "id\tkind\tenvironment\tlabel\tkey\tstatus"
    assert row.split("\t") == [connection, "tradier", "sandbox", "tradier desk", "…", "active"]
    assert tested == (0, f"{connection}: ok: the venue answered\n")
    assert rotated[0] == 0 and f"rotated {connection}, key …" in rotated[1]
    assert unconfirmed == (EXIT_REFUSED, "")
    assert refused.count("\n") == 1 and f"--confirm {connection}" in refused
    assert revoked == (0, f"connections: revoked {connection} (its credentials deleted)\n")
    assert after[1].splitlines()[1].split("\t")[-1].startswith("revoked ")
    printed = "".join(a[1] for a in (added, listed, tested, rotated, revoked, after)) + refused
    assert tradier_sim.TOKEN not in printed


async def test_an_operators_mistake_is_one_line_naming_its_code(
    container: ApplicationContainer,
    tradier: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: alice's connection on the right token
    monkeypatch.setenv(SECRET_VARIABLE, tradier_sim.TOKEN)
    added = await run_cli(container, *_add(tradier))
    assert added[0] == 0, added
    connection = added[1].split()[2]
    capsys.readouterr()

    # Act: a token the venue refuses, another user's id, an unknown user
    monkeypatch.setenv(SECRET_VARIABLE, "not-the-token")
    wrong = await run_cli(container, *_add(tradier))
    wrong_err = capsys.readouterr().err
    theirs = await run_cli(container, "connections", "test", "--as", "bob", connection)
    theirs_err = capsys.readouterr().err
    nobody = await run_cli(container, "connections", "list", "--as", "carol")
    nobody_err = capsys.readouterr().err

    # Assert: each one line on stderr, nothing on stdout, a non-zero exit code
    assert wrong == (EXIT_REFUSED, "") and theirs == (EXIT_REFUSED, "")
    assert nobody == (EXIT_REFUSED, "")
    assert wrong_err.startswith("bulwark: CONNECTION_AUTH_FAILED: tradier refused")
    assert theirs_err == f"bulwark: NOT_FOUND: connection {connection} not found\n"
    assert nobody_err == "bulwark: no user named 'carol'\n"
    for line in (wrong_err, theirs_err, nobody_err):
        assert line.count("\n") == 1 and "Traceback" not in line
    assert "not-the-token" not in wrong_err


def test_the_secret_variable_is_not_taken_for_a_setting() -> None:
    # Arrange
    environ = {"BULWARK_ENV": "test", SECRET_VARIABLE: "a-token"}

    # Act
    settings = load_settings(environ, env_file=None)

    # Assert: `bulwark` starts with the secret in its environment
    assert settings is not None
