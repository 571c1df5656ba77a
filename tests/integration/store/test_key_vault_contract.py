"""The API-key vault store: one contract on memory, SQLite and PostgreSQL, sealed at rest."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from adapters.memory.key_vault import InMemoryKeyVault
from adapters.postgres.repos.key_vault import SqlKeyVault
from adapters.postgres.tables.key_vault import vault_keys
from application.keys.vault_sources import vault_sources
from domain.keys.keys import SealedPair, VaultKey
from ports.keys.key_vault import KeyAccess, KeyVaultStore, VaultKeyLinked
from tests.integration.store.conftest import T0, StoreUnderTest


def key(key_id: str = "vk-1", **fields: object) -> VaultKey:
    values: dict[str, object] = {
        "id": key_id,
        "owner_id": "u-1",
        "provider": "alpaca",
        "label": "main",
        "scopes": ("account_read", "trading"),
        "key_hint": "PK…7XQ",
        "pair": SealedPair(f"sealed-id-{key_id}", f"sealed-secret-{key_id}"),
        "created_at": T0,
        **fields,
    }
    return VaultKey(**values)  # type: ignore[arg-type]


@pytest.fixture
def vault(store: StoreUnderTest) -> KeyVaultStore:
    return store.adapter(InMemoryKeyVault, SqlKeyVault)


async def test_a_key_round_trips_with_every_field(vault: KeyVaultStore) -> None:
    # Arrange
    full = key(
        account_id="acc-1",
        paper=False,
        expires_at=T0 + timedelta(days=30),
        rotated_at=T0 + timedelta(days=1),
        last_used_at=T0 + timedelta(days=2),
        previous=SealedPair("old-id", "old-secret"),
        previous_until=T0 + timedelta(days=3),
        warned=(14, 3),
    )

    # Act
    await vault.add(full)
    await vault.add(key("vk-2"))

    # Assert
    loaded = await vault.get("vk-1")
    assert loaded == full
    assert loaded is not None and loaded.expires_at is not None
    assert loaded.expires_at.utcoffset() == timedelta(0)
    assert await vault.get("vk-2") == key("vk-2")
    assert await vault.get("vk-unknown") is None


async def test_owned_and_linked_lookups(vault: KeyVaultStore) -> None:
    # Arrange
    await vault.add(key("vk-b", created_at=T0 + timedelta(seconds=1), account_id="acc-1"))
    await vault.add(key("vk-a"))
    await vault.add(key("vk-c", owner_id="u-2"))

    # Act
    owned = await vault.owned_by("u-1")
    linked = await vault.linked("acc-1", "alpaca")

    # Assert
    assert [k.id for k in owned] == ["vk-a", "vk-b"]
    assert linked is not None and linked.id == "vk-b"
    assert await vault.linked("acc-1", "polygon") is None
    assert await vault.linked("acc-2", "alpaca") is None


async def test_save_touch_warned_and_delete(vault: KeyVaultStore) -> None:
    # Arrange
    await vault.add(key())
    renamed = replace(key(), label="renamed", scopes=("trading",))

    # Act
    saved = await vault.save(renamed, key().pair)
    missing = await vault.save(key("vk-unknown"), key("vk-unknown").pair)
    await vault.touch("vk-1", T0 + timedelta(hours=1))
    await vault.set_warned("vk-1", (14,))
    first, second = await vault.delete("vk-1"), await vault.delete("vk-1")

    # Assert
    assert (saved, missing, first, second) == (True, False, True, False)
    assert await vault.get("vk-1") is None


async def test_save_is_compare_and_set_on_the_sealed_pair(vault: KeyVaultStore) -> None:
    # Arrange: a rotation (by a user or `bulwark keys rotate`) after the key was read
    await vault.add(key())
    read = await vault.get("vk-1")
    assert read is not None
    await vault.replace_sealed("secret", "vk-1", read.pair.secret, "rotated-secret")

    # Act
    saved = await vault.save(replace(read, label="stale edit"), read.pair)

    # Assert
    assert saved is False
    found = await vault.get("vk-1")
    assert found is not None and (found.label, found.pair.secret) == ("main", "rotated-secret")


async def test_touch_and_warned_change_nothing_else(vault: KeyVaultStore) -> None:
    await vault.add(key())

    await vault.touch("vk-1", T0 + timedelta(hours=1))
    await vault.set_warned("vk-1", (14, 3))

    assert await vault.get("vk-1") == replace(
        key(), last_used_at=T0 + timedelta(hours=1), warned=(14, 3)
    )


async def test_purge_previous_only_while_its_grace_is_the_one_seen(vault: KeyVaultStore) -> None:
    # Arrange
    until = T0 + timedelta(hours=1)
    await vault.add(key(previous=SealedPair("a", "b"), previous_until=until))
    await vault.add(key("vk-2", expires_at=T0))
    await vault.add(key("vk-3"))

    # Act
    watched = {k.id for k in await vault.watched()}
    stale = await vault.purge_previous("vk-1", until + timedelta(hours=1))
    purged = await vault.purge_previous("vk-1", until)

    # Assert
    assert watched == {"vk-1", "vk-2"}
    assert (stale, purged) == (False, True)
    found = await vault.get("vk-1")
    assert found is not None and (found.previous, found.previous_until) == (None, None)


async def test_one_key_per_account_and_provider(
    store: StoreUnderTest, vault: KeyVaultStore
) -> None:
    await vault.add(key(account_id="acc-1"))
    await vault.add(key("vk-2"))
    await vault.add(key("vk-3"))  # unlinked keys do not collide

    if store.kind != "memory":  # the service checks first; SQL backs it with a unique index
        with pytest.raises(VaultKeyLinked):
            await vault.add(key("vk-4", account_id="acc-1"))


async def test_the_access_log_newest_first_per_key(vault: KeyVaultStore) -> None:
    # Arrange
    for n in range(3):
        at = T0 + timedelta(minutes=n)
        await vault.record_access(KeyAccess("vk-1", at, "broker.alpaca", "system", "granted"))
    await vault.record_access(KeyAccess("vk-2", T0, "vault.test", "u-1", "refused", "expired"))

    # Act
    mine = await vault.accesses("vk-1", 2)
    theirs = await vault.accesses("vk-2", 10)

    # Assert
    assert [a.at for a in mine] == [T0 + timedelta(minutes=2), T0 + timedelta(minutes=1)]
    assert theirs == [KeyAccess("vk-2", T0, "vault.test", "u-1", "refused", "expired")]


async def test_rotation_sources_walk_each_sealed_column_and_replace_by_cas(
    store: StoreUnderTest, vault: KeyVaultStore
) -> None:
    # Arrange
    await vault.add(key("vk-1", previous=SealedPair("p-id", "p-secret"), previous_until=T0))
    await vault.add(key("vk-2"))
    await vault.add(key("vk-3"))
    sources = {s.name: s for s in vault_sources(vault)}

    # Act
    secrets = await sources["vault_keys.secret"].batch(None, 2)
    rest = await sources["vault_keys.secret"].batch(secrets[-1].cursor, 10)
    previous = await sources["vault_keys.previous_secret"].batch(None, 10)
    wrote = await sources["vault_keys.secret"].replace(secrets[0], "upgraded")
    lost = await sources["vault_keys.secret"].replace(secrets[0], "again")

    # Assert
    assert [(r.cursor, r.record_type, r.record_id) for r in secrets + rest] == [
        ("vk-1", "vault_key.secret", "vk-1"),
        ("vk-2", "vault_key.secret", "vk-2"),
        ("vk-3", "vault_key.secret", "vk-3"),
    ]
    assert [r.text for r in previous] == ["p-secret"]
    assert (wrote, lost) == (True, False)
    found = await vault.get("vk-1")
    assert found is not None and found.pair == SealedPair("sealed-id-vk-1", "upgraded")
    if store.kind != "memory":
        async with store.engine.connect() as conn:
            texts = (await conn.execute(select(vault_keys.c.secret_sealed))).scalars().all()
        assert sorted(texts) == ["sealed-secret-vk-2", "sealed-secret-vk-3", "upgraded"]
