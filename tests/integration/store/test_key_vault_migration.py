"""Migration 0012: Fernet-sealed broker credentials move into the vault, still readable with
BULWARK_SECRET_KEY, upgradable to envelopes by rotation; downgrade brings them back."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.postgres import migrate
from adapters.postgres.repos.key_vault import SqlKeyVault
from adapters.postgres.uow import unit_of_work_factory
from adapters.security.cipher import FernetCipher
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.keys.vault import KeyVaultService
from application.keys.vault_sources import vault_sources
from ports.core.encryption import KEY_BYTES, KeyRef

KEY_ID = "PKLEGACY000000000XYZ"
SECRET = "legacy-secret-0123456789"
T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


async def at_0010_with_a_fernet_credential(engine: AsyncEngine) -> FernetCipher:
    """The database at the 0010-era schema with one broker credential of acc-1 (u-1, Alpaca,
    paper) sealed with Fernet, as the old code wrote it; the Fernet cipher."""
    legacy = FernetCipher.generate()
    await migrate.upgrade(engine, "0010")
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO broker_credentials (account_id, owner_id, broker, "
                "key_id_ciphertext, secret_ciphertext, key_hint, paper, updated_at) "
                "VALUES (:a, :o, 'alpaca', :k, :s, 'PK…XYZ', :p, :t)"
            ),
            {
                "a": "acc-1",
                "o": "u-1",
                "k": legacy.encrypt(KEY_ID),
                "s": legacy.encrypt(SECRET),
                "p": True,
                "t": T0,
            },
        )
    return legacy


async def test_a_fernet_broker_credential_survives_the_move_and_rotates_to_an_envelope(
    engine: AsyncEngine,
) -> None:
    # Arrange: the 0010-era schema with one Fernet-sealed row, written as the old code did
    legacy = await at_0010_with_a_fernet_credential(engine)

    # Act: upgrade, read through the vault, rotate the KEK (upgrade every sealed text)
    await migrate.upgrade(engine)
    store = SqlKeyVault(engine)
    ref = KeyRef("main", 1)
    sealer = SecretBox(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(KEY_BYTES)}, ref)), legacy)
    vault = KeyVaultService(
        unit_of_work_factory(engine), store, sealer, FakeClock(), SequentialIds(),
        InMemoryAuditLog(), keys_ephemeral=False, grace=timedelta(hours=1),
    )  # fmt: skip
    before = await vault.use_linked("acc-1", "alpaca", "broker.alpaca")
    upgraded = 0
    for source in vault_sources(store):
        for record in await source.batch(None, 100):
            assert sealer.needs_upgrade(record.text)
            new = sealer.upgrade(record.text, record.record_type, record.record_id)
            upgraded += await source.replace(record, new)
    after_rotation = await vault.use_linked("acc-1", "alpaca", "broker.alpaca")
    moved = await store.linked("acc-1", "alpaca")

    # Assert
    assert before is not None and (before.current.key_id, before.current.secret) == (
        KEY_ID,
        SECRET,
    )
    assert upgraded == 2
    assert after_rotation is not None and after_rotation.current.secret == SECRET
    assert moved is not None
    assert (moved.owner_id, moved.key_hint, moved.paper, moved.created_at) == (
        "u-1",
        "PK…XYZ",
        True,
        T0,
    )
    assert moved.pair.key_id.startswith("bwk1.") and moved.pair.secret.startswith("bwk1.")
    async with engine.connect() as conn:
        tables = await conn.run_sync(lambda c: c.dialect.get_table_names(c))
    assert "broker_credentials" not in tables


async def test_downgrade_brings_back_the_rows_still_in_fernet(engine: AsyncEngine) -> None:
    # Arrange
    legacy = await at_0010_with_a_fernet_credential(engine)
    await migrate.upgrade(engine)

    # Act
    await migrate.downgrade(engine, "0010")

    # Assert
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT * FROM broker_credentials"))).all()
    assert len(rows) == 1
    assert legacy.decrypt(rows[0].secret_ciphertext) == SECRET
    assert rows[0].account_id == "acc-1"
