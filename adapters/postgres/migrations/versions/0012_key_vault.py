"""vault_keys + vault_key_access: the API-key vault; broker_credentials rows move into it

Each broker_credentials row becomes a vault key linked to its account (provider alpaca),
keeping its Fernet ciphertexts as they are: the SecretSealer still opens them with
BULWARK_SECRET_KEY, and `bulwark keys rotate` upgrades them to envelopes. The old table is
dropped. Downgrade recreates it from the keys linked to accounts whose texts are still
Fernet (envelope-sealed ones cannot be read by the old code and are left out).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-22 23:50:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_JSON = adapters.postgres.types.Json
_SCOPES = ["account_read", "trading"]


def _old_table() -> sa.TableClause:
    return sa.table(
        "broker_credentials",
        sa.column("account_id", sa.String()),
        sa.column("owner_id", sa.String()),
        sa.column("broker", sa.String()),
        sa.column("key_id_ciphertext", sa.Text()),
        sa.column("secret_ciphertext", sa.Text()),
        sa.column("key_hint", sa.String()),
        sa.column("paper", sa.Boolean()),
        sa.column("updated_at", _TS),
    )


def _new_table() -> sa.TableClause:
    return sa.table(
        "vault_keys",
        sa.column("id", sa.String()),
        sa.column("owner_id", sa.String()),
        sa.column("provider", sa.String()),
        sa.column("label", sa.String()),
        sa.column("scopes", _JSON),
        sa.column("key_hint", sa.String()),
        sa.column("key_id_sealed", sa.Text()),
        sa.column("secret_sealed", sa.Text()),
        sa.column("account_id", sa.String()),
        sa.column("paper", sa.Boolean()),
        sa.column("created_at", _TS),
        sa.column("warned", _JSON),
    )


def upgrade() -> None:
    op.create_table(
        "vault_keys",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("scopes", _JSON, nullable=False),
        sa.Column("key_hint", sa.String(length=16), nullable=False),
        sa.Column("key_id_sealed", sa.Text(), nullable=False),
        sa.Column("secret_sealed", sa.Text(), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=True),
        sa.Column("paper", sa.Boolean(), nullable=False),
        sa.Column("expires_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("rotated_at", _TS, nullable=True),
        sa.Column("last_used_at", _TS, nullable=True),
        sa.Column("previous_key_id_sealed", sa.Text(), nullable=True),
        sa.Column("previous_secret_sealed", sa.Text(), nullable=True),
        sa.Column("previous_until", _TS, nullable=True),
        sa.Column("warned", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_keys")),
    )
    with op.batch_alter_table("vault_keys", schema=None) as batch_op:
        batch_op.create_index("ix_vault_keys_owner_id", ["owner_id"])
        batch_op.create_index(
            "ix_vault_keys_account_provider", ["account_id", "provider"], unique=True
        )
    op.create_table(
        "vault_key_access",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("component", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_vault_key_access")),
    )
    with op.batch_alter_table("vault_key_access", schema=None) as batch_op:
        batch_op.create_index("ix_vault_key_access_key_seq", ["key_id", "seq"])

    conn = op.get_bind()
    old = _old_table()
    rows = conn.execute(sa.select(old)).all()
    moved = [
        {
            "id": f"vk-{uuid.uuid4().hex}",
            "owner_id": row.owner_id,
            "provider": row.broker,
            "label": f"broker credentials of {row.account_id}"[:120],
            "scopes": _SCOPES,
            "key_hint": row.key_hint,
            "key_id_sealed": row.key_id_ciphertext,
            "secret_sealed": row.secret_ciphertext,
            "account_id": row.account_id,
            "paper": bool(row.paper),
            "created_at": row.updated_at,
            "warned": [],
        }
        for row in rows
    ]
    if moved:
        op.bulk_insert(_new_table(), moved)
    op.drop_table("broker_credentials")


def downgrade() -> None:
    op.create_table(
        "broker_credentials",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("broker", sa.String(length=32), nullable=False),
        sa.Column("key_id_ciphertext", sa.Text(), nullable=False),
        sa.Column("secret_ciphertext", sa.Text(), nullable=False),
        sa.Column("key_hint", sa.String(length=16), nullable=False),
        sa.Column("paper", sa.Boolean(), nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_broker_credentials")),
    )
    conn = op.get_bind()
    keys = sa.table(
        "vault_keys",
        sa.column("owner_id", sa.String()),
        sa.column("provider", sa.String()),
        sa.column("key_hint", sa.String()),
        sa.column("key_id_sealed", sa.Text()),
        sa.column("secret_sealed", sa.Text()),
        sa.column("account_id", sa.String()),
        sa.column("paper", sa.Boolean()),
        sa.column("created_at", _TS),
        sa.column("rotated_at", _TS),
    )
    rows = conn.execute(
        sa.select(keys).where(keys.c.account_id.is_not(None), keys.c.provider == "alpaca")
    ).all()
    back = [
        {
            "account_id": row.account_id,
            "owner_id": row.owner_id,
            "broker": row.provider,
            "key_id_ciphertext": row.key_id_sealed,
            "secret_ciphertext": row.secret_sealed,
            "key_hint": row.key_hint,
            "paper": bool(row.paper),
            "updated_at": row.rotated_at or row.created_at,
        }
        for row in rows
        if not row.key_id_sealed.startswith("bwk1.") and not row.secret_sealed.startswith("bwk1.")
    ]
    if back:
        op.bulk_insert(_old_table(), back)
    with op.batch_alter_table("vault_key_access", schema=None) as batch_op:
        batch_op.drop_index("ix_vault_key_access_key_seq")
    op.drop_table("vault_key_access")
    with op.batch_alter_table("vault_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_vault_keys_account_provider")
        batch_op.drop_index("ix_vault_keys_owner_id")
    op.drop_table("vault_keys")
