"""The account rule settings store: one contract on memory, SQLite and PostgreSQL (migration
0047's table)."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.memory.account_rules import InMemoryAccountRuleSettingsStore
from adapters.postgres.account_rules import SqlAccountRuleSettingsStore
from domain.account_rules.options_level import OptionsLevel
from domain.account_rules.settings import AccountRuleSettings
from ports.account_rules.settings import AccountRuleSettingsStore
from tests.integration.store.conftest import T0, StoreUnderTest


def in_memory() -> AccountRuleSettingsStore:
    return InMemoryAccountRuleSettingsStore()


def on_sql(engine: Any) -> AccountRuleSettingsStore:
    return SqlAccountRuleSettingsStore(engine)


@pytest.fixture
def settings(store: StoreUnderTest) -> AccountRuleSettingsStore:
    return store.adapter(in_memory, on_sql)


async def test_an_account_that_set_nothing_has_no_settings(
    settings: AccountRuleSettingsStore,
) -> None:
    assert await settings.get("acct-1") is None


async def test_settings_round_trip_and_a_put_replaces_them(
    settings: AccountRuleSettingsStore,
) -> None:
    # Arrange
    first = AccountRuleSettings("acct-1", OptionsLevel.SPREADS, T0)
    cleared = AccountRuleSettings("acct-1", None, T0)

    # Act
    await settings.put(first)
    found = await settings.get("acct-1")
    await settings.put(cleared)
    after = await settings.get("acct-1")

    # Assert
    assert found == first
    assert found is not None and found.options_level is OptionsLevel.SPREADS
    assert after == cleared
    assert await settings.get("acct-2") is None
