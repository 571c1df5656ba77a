"""`bulwark accounts ...` and `bulwark instruments ...` against the embedded SQLite store."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from application.trading.instrument_csv import InvalidImport
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import SettingsError
from domain.errors import CapabilityNotConfigured, NotFound
from domain.trading.account_profile import InvalidAccount
from tests.kit.cli import cli_container, run_cli, sqlite_settings

HEADER = "symbol,name,asset_class,sector,lot_size,tick_size,marginable,shortable"


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(
        sqlite_settings(tmp_path / "var" / "bulwark.db"), fast_hashing=True
    ) as c:
        created = await run_cli(
            c, "create-user", "alice", "--password-stdin", stdin="pw-alice-12345\n"
        )
        assert created[0] == 0
        yield c


async def test_create_list_close_and_list_by_status(container: ApplicationContainer) -> None:
    # Act
    code, created = await run_cli(
        container, "accounts", "create", "--owner", "alice", "--name", "Roth",
        "--type", "roth_ira", "--trading", "cash", "--cash", "5000",
    )  # fmt: skip
    account_id = created.split()[2]
    _, listed = await run_cli(container, "accounts", "list", "--owner", "alice")
    _, closed = await run_cli(container, "accounts", "close", account_id, "--owner", "alice")
    _, still_open = await run_cli(
        container, "accounts", "list", "--owner", "alice", "--status", "open"
    )

    # Assert
    assert code == 0 and created.startswith("created account acc-")
    assert listed.split("\t") == [
        account_id, "Roth", "paper", "roth_ira", "cash", "open", "5000 USD\n",
    ]  # fmt: skip
    assert closed == f"account {account_id} is closed\n"
    assert still_open == ""


async def test_accounts_list_json_gives_money_as_strings(container: ApplicationContainer) -> None:
    # Arrange
    await run_cli(
        container, "accounts", "create", "--owner", "alice", "--name", "Main", "--cash", "1234.50"
    )

    # Act
    code, output = await run_cli(container, "accounts", "list", "--owner", "alice", "--json")

    # Assert
    [account] = json.loads(output)
    assert code == 0
    assert account["cash"] == "1234.50" and account["currency"] == "USD"
    assert list(account) == [
        "id", "name", "broker", "account_type", "trading_type", "status", "cash", "equity",
        "currency", "open_orders", "positions", "created_at",
    ]  # fmt: skip
    assert (account["name"], account["broker"], account["status"]) == ("Main", "paper", "open")


async def test_a_paper_account_needs_cash_and_a_stranger_is_not_found(
    container: ApplicationContainer,
) -> None:
    # Arrange
    await run_cli(container, "create-user", "bob", "--password-stdin", stdin="pw-bob-1234567\n")
    _, created = await run_cli(
        container, "accounts", "create", "--owner", "alice", "--name", "A", "--cash", "1"
    )

    # Act / Assert
    with pytest.raises(InvalidAccount, match="initial_cash is required"):
        await run_cli(container, "accounts", "create", "--owner", "alice", "--name", "No cash")
    with pytest.raises(NotFound, match="not found"):
        await run_cli(container, "accounts", "archive", created.split()[2], "--owner", "bob")
    with pytest.raises(SettingsError, match="no user named"):
        await run_cli(container, "accounts", "list", "--owner", "nobody")


async def test_a_paper_account_is_synced_by_the_serving_process_only(
    container: ApplicationContainer,
) -> None:
    _, created = await run_cli(
        container, "accounts", "create", "--owner", "alice", "--name", "A", "--cash", "1"
    )

    with pytest.raises(SettingsError, match=r"POST /api/v1/accounts/.*/sync"):
        await run_cli(container, "accounts", "sync", created.split()[2], "--owner", "alice")


async def test_instruments_import_a_csv_file_all_or_nothing(
    container: ApplicationContainer, tmp_path: Path
) -> None:
    # Arrange
    good = tmp_path / "good.csv"
    good.write_text(
        f"{HEADER}\nAAPL,Apple,equity,Tech,1,0.01,true,true\nSPY,S&P,equity,ETF,1,0.01,true,true\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nMSFT,Microsoft,equity,Tech,1,0.01,true,true\nX,Y,equity,Z,0,1,t,t\n")

    # Act
    code, output = await run_cli(container, "instruments", "import", str(good))
    with pytest.raises(InvalidImport):
        await run_cli(container, "instruments", "import", str(bad))
    with pytest.raises(SettingsError, match="cannot read"):
        await run_cli(container, "instruments", "import", str(tmp_path / "missing.csv"))

    # Assert
    assert code == 0
    assert output == "imported from csv: 2 created, 0 updated, 0 unchanged, 0 skipped\n"
    async with container.core.uow_factory()() as uow:
        stored = [i.symbol for i in await uow.instruments.list()]
    assert stored == ["AAPL", "SPY"]


async def test_import_alpaca_without_alpaca_configured_says_so(
    container: ApplicationContainer,
) -> None:
    with pytest.raises(CapabilityNotConfigured, match="BULWARK_BROKER=alpaca"):
        await run_cli(container, "instruments", "import-alpaca")
