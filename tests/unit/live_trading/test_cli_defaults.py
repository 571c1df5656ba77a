"""`bulwark accounts create` gives the new account its default limits: the command builds only
the contexts it reads, and live trading among them."""

from __future__ import annotations

from typing import Any

from bootstrap.containers.commands import CommandContainers
from bootstrap.settings import load_settings
from domain.principals import Role
from domain.risk.rules import RuleType
from tests.kit.cli import run_cli


async def test_an_account_created_from_the_command_line_gets_the_default_limits() -> None:
    # Arrange
    settings = load_settings({"BULWARK_DATABASE_URL": "memory://"}, env_file=None)
    contexts = CommandContainers(settings)
    await contexts.core.auth().create_user("alice", "pw-alice-12345", Role.OWNER)
    given: Any = contexts

    # Act
    code, created = await run_cli(
        given, "accounts", "create", "--owner", "alice", "--name", "Main", "--cash", "5000"
    )
    account_id = created.split()[2]
    async with contexts.core.uow_factory()() as uow:
        rules = [r for r in await uow.risk_rules.list() if r.account_id == account_id]

    # Assert
    assert code == 0, created
    assert sorted(r.rule_type for r in rules) == sorted(
        (
            RuleType.MAX_ORDER_NOTIONAL,
            RuleType.MAX_DAILY_LOSS,
            RuleType.ORDER_RATE,
            RuleType.MAX_OPEN_ORDERS,
        )
    )
    assert "live_trading" in contexts.built()
