"""strategies: definitions, the decision log and the strategies' holdings with their brackets

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()
_JSON = adapters.postgres.types.Json


def upgrade() -> None:
    op.create_table(
        "strategies",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("account_ids", _JSON, nullable=False),
        sa.Column("sources", _JSON, nullable=False),
        sa.Column("sizing", _JSON, nullable=False),
        sa.Column("entry", _JSON, nullable=False),
        sa.Column("exit", _JSON, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategies")),
    )
    with op.batch_alter_table("strategies", schema=None) as batch_op:
        batch_op.create_index("ix_strategies_owner_id", ["owner_id"], unique=False)
        batch_op.create_index("ix_strategies_mode", ["mode"], unique=False)
    op.create_table(
        "strategy_decisions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("strategy_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("trigger", sa.String(length=200), nullable=False),
        sa.Column("decided_at", _TS, nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("signal_kind", sa.String(length=16), nullable=False),
        sa.Column("signal_id", sa.String(length=200), nullable=True),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column("price", _MONEY, nullable=True),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.Column("quantity", _MONEY, nullable=False),
        sa.Column("stop", _MONEY, nullable=True),
        sa.Column("take_profit", _MONEY, nullable=True),
        sa.Column("exit_reason", sa.String(length=16), nullable=True),
        sa.Column("sizing", _JSON, nullable=True),
        sa.Column("order_id", sa.String(length=64), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("verdict_reasons", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy_decisions")),
        sa.UniqueConstraint(
            "trigger", "strategy_id", "account_id", name=op.f("uq_strategy_decisions_key")
        ),
    )
    with op.batch_alter_table("strategy_decisions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_strategy_decisions_strategy", ["strategy_id", "decided_at", "id"], unique=False
        )
    op.create_table(
        "strategy_holdings",
        sa.Column("strategy_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("quantity", _MONEY, nullable=False),
        sa.Column("entry_price", _MONEY, nullable=False),
        sa.Column("stop", _MONEY, nullable=True),
        sa.Column("take_profit", _MONEY, nullable=True),
        sa.Column("opened_at", _TS, nullable=False),
        sa.Column("bars_held", sa.Integer(), nullable=False),
        sa.Column("timeframe", sa.String(length=8), nullable=True),
        sa.Column("details", _JSON, nullable=False),
        sa.PrimaryKeyConstraint(
            "strategy_id", "account_id", "symbol", name=op.f("pk_strategy_holdings")
        ),
    )
    with op.batch_alter_table("strategy_holdings", schema=None) as batch_op:
        batch_op.create_index("ix_strategy_holdings_symbol", ["symbol"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("strategy_holdings", schema=None) as batch_op:
        batch_op.drop_index("ix_strategy_holdings_symbol")
    op.drop_table("strategy_holdings")
    with op.batch_alter_table("strategy_decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_strategy_decisions_strategy")
    op.drop_table("strategy_decisions")
    with op.batch_alter_table("strategies", schema=None) as batch_op:
        batch_op.drop_index("ix_strategies_mode")
        batch_op.drop_index("ix_strategies_owner_id")
    op.drop_table("strategies")
