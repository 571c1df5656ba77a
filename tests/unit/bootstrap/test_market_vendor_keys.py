"""A vendor's key read from the vault when its settings name a vault key id."""

from __future__ import annotations

import pytest

from bootstrap.market_vendors import VENDORS, with_vault_keys
from bootstrap.settings import SettingsError, load_settings
from tests.unit.keys.world import OWNER, create, world


async def test_the_vault_key_s_secret_becomes_the_vendor_s_key_and_its_use_is_logged() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(
        create(provider="twelvedata", label="td", scopes=("market_data",), key_id="td-main",
               secret="td0123456789abcdef")
    )  # fmt: skip
    settings = load_settings({"BULWARK_TWELVEDATA_VAULT_KEY": key.id})

    # Act
    keyed = await with_vault_keys(settings, "twelvedata", w.vault)

    # Assert
    assert keyed.market_data.twelvedata_api_key is not None
    assert keyed.market_data.twelvedata_api_key.reveal() == "td0123456789abcdef"
    [access] = await w.store.accesses(key.id, 10)
    assert access.component == "market_data.twelvedata" and access.outcome == "granted"
    assert key.owner_id == OWNER.id


async def test_a_key_of_another_provider_is_refused() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(
        create(provider="databento", label="db", scopes=("market_data",), key_id="db-main",
               secret="db-secret-1")
    )  # fmt: skip
    settings = load_settings({"BULWARK_TWELVEDATA_VAULT_KEY": key.id})

    # Act / Assert
    with pytest.raises(SettingsError, match="a databento key, not a twelvedata one"):
        await with_vault_keys(settings, "twelvedata", w.vault)


async def test_without_a_vault_key_the_settings_are_unchanged() -> None:
    # Arrange
    w = await world()
    settings = load_settings({"BULWARK_DATABENTO_API_KEY": "db-env"})

    # Act
    same = await with_vault_keys(settings, "databento", w.vault)

    # Assert
    assert same is settings


def test_an_env_key_and_a_vault_key_of_one_vendor_conflict() -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="set one, not both"):
        load_settings({"BULWARK_DATABENTO_API_KEY": "k", "BULWARK_DATABENTO_VAULT_KEY": "vk-1"})


def test_every_vendor_is_registered() -> None:
    assert {"twelvedata", "yahoo", "databento"} <= set(VENDORS)
