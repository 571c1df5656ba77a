"""model reviews and predictions: the AI reviewer's records and every model's predictions

Revision ID: 0030
Revises: 0029
Create Date: 2026-11-25 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_JSON = adapters.postgres.types.Json


def upgrade() -> None:
    op.create_table(
        "model_reviews",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=False),
        sa.Column("account_id", sa.String(length=128), nullable=False),
        sa.Column("order_id", sa.String(length=128), nullable=True),
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("review", _JSON, nullable=False),
        sa.Column("figures", _JSON, nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_reviews")),
    )
    op.create_index(
        "ix_model_reviews_order", "model_reviews", ["order_id", "created_at"], unique=False
    )
    op.create_table(
        "model_predictions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=True),
        sa.Column("inputs_hash", sa.String(length=64), nullable=False),
        sa.Column("inputs", _JSON, nullable=False),
        sa.Column("made_at", _TS, nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=True),
        sa.Column("outcome", _JSON, nullable=True),
        sa.Column("resolved", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_predictions")),
    )
    op.create_index(
        "ix_model_predictions_model_made", "model_predictions", ["model", "made_at"], unique=False
    )
    op.create_index(
        "ix_model_predictions_unresolved",
        "model_predictions",
        ["resolved", "made_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_model_predictions_unresolved", table_name="model_predictions")
    op.drop_index("ix_model_predictions_model_made", table_name="model_predictions")
    op.drop_table("model_predictions")
    op.drop_index("ix_model_reviews_order", table_name="model_reviews")
    op.drop_table("model_reviews")
