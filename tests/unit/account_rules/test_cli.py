"""`bulwark accounts options-level`: the owner's account's level set from the console."""

from __future__ import annotations

from decimal import Decimal

import pytest
from dependency_injector import providers

from adapters.security.argon2_hasher import Argon2Hasher
from bootstrap.containers.application import build_container
from domain.account_rules.options_level import OptionsLevel
from domain.errors import NotFound
from domain.principals import Role
from domain.trading.accounts import Account
from tests.kit.cli import run_cli
from tests.kit.settings import settings_of


async def test_the_owner_sets_and_clears_an_accounts_options_level() -> None:
    # Arrange
    container = build_container(settings_of(database_url="memory://"))
    container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    owner = await container.core.auth().create_user("ann", "a long passphrase 1", Role.OWNER)
    await container.core.auth().create_user("bob", "a long passphrase 2", Role.OWNER)
    async with container.core.uow_factory()() as uow:
        await uow.accounts.add(Account("acc-ann", owner.id, Decimal(1000)))
        await uow.commit()
    store = container.account_rules.store()

    # Act
    set_code, set_out = await run_cli(
        container, "accounts", "options-level", "acc-ann", "--owner", "ann", "--level", "3"
    )
    level = (await store.get("acc-ann")).options_level
    cleared_code, _ = await run_cli(
        container, "accounts", "options-level", "acc-ann", "--owner", "ann", "--level", "none"
    )
    cleared = (await store.get("acc-ann")).options_level

    # Assert
    assert (set_code, set_out.strip()) == (0, "account acc-ann: options level 3")
    assert level is OptionsLevel.SPREADS
    assert cleared_code == 0 and cleared is None
    with pytest.raises(NotFound):
        await run_cli(
            container, "accounts", "options-level", "acc-ann", "--owner", "bob", "--level", "4"
        )
