"""`bulwark rebalance drift|propose|execute|autopilot` against a migrated SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from application.portfolio.portfolios import NewAccount
from bootstrap.containers.application import ApplicationContainer
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Principal, Role
from domain.tax.methods import AccountTaxType
from domain.trading.account_profile import AccountType
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.positions import Position
from tests.kit.cli import cli_container, run_cli, sqlite_settings


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(sqlite_settings(tmp_path / "bulwark.db")) as c:
        yield c


async def household(c: ApplicationContainer) -> str:
    view = await c.core.auth().create_user("alice", "a-long-enough-password-1", Role.TRADER)
    owner = Principal(view.id, Role.TRADER)
    async with c.core.uow_factory()() as uow:
        for symbol, sector in (("VTI", "Equity"), ("BND", "Bonds")):
            await uow.instruments.add(Instrument(symbol, sector=sector))
        await uow.accounts.add(
            Account("cli-t", owner.id, D(0), account_type=AccountType.TAXABLE,
                    target_allocation={"VTI": D("0.6"), "BND": D("0.4")},
                    positions={"VTI": Position("VTI", D(60), D(100))})
        )  # fmt: skip
        await uow.commit()
    c.core.market().set_price("VTI", D(100))
    c.core.market().set_price("BND", D(50))
    portfolios = c.portfolio.portfolios()
    made = await portfolios.create(owner, "Family", "USD")
    await portfolios.add_account(
        owner, made.id, NewAccount("trading", account_id="cli-t", tax_type=AccountTaxType.TAXABLE)
    )
    await c.portfolio.portfolio_store().add_transactions(
        made.id,
        [Transaction(id="tx-1", portfolio_id=made.id, account_id="cli-t", kind=TransactionKind.BUY,
                     trade_date=date(2024, 1, 2), symbol="VTI", quantity=D(60), price=D(80))],
    )  # fmt: skip
    return made.id


async def test_drift_and_a_proposal_from_the_console(container: ApplicationContainer) -> None:
    pid = await household(container)

    drift_code, drift = await run_cli(container, "rebalance", "drift", "alice", pid)
    code, output = await run_cli(container, "rebalance", "propose", "alice", pid, "--band", "0.05")

    assert drift_code == 0 and "VTI: weight 1.00000000 target 0.60000000" in drift
    assert code == 0, output
    assert "cli-t sell 24 VTI @ 100" in output and "gain 480" in output
    proposal_id = output.strip().splitlines()[-1].split()[1].rstrip(":")
    stored = await container.rebalancing.store().get(proposal_id)
    assert stored is not None and stored.proposal.realised_gain() == D("480.00")


async def test_autopilot_with_no_one_on_it_does_nothing(container: ApplicationContainer) -> None:
    code, output = await run_cli(container, "rebalance", "autopilot")

    assert code == 0 and output.strip() == "autopilot: 0 proposals, 0 executed"
