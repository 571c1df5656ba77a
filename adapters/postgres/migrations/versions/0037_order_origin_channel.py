"""orders name the way they came in: api, console, kafka, mcp or internal

Existing rows: a strategy's or a rebalance's order is `internal`; an order whose idempotency
key the MCP server made (`mcp-...`) is `mcp`, one the console made (`console:...`) `console`;
every other one `api`.

Revision ID: 0037
Revises: 0036
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0037"
down_revision = "0036"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(
            sa.Column("origin_channel", sa.String(length=16), nullable=False, server_default="api")
        )
    op.execute(
        "UPDATE orders SET origin_channel = 'internal' "
        "WHERE origin_kind IN ('strategy', 'rebalance')"
    )
    op.execute(
        "UPDATE orders SET origin_channel = 'mcp' "
        "WHERE origin_kind = 'agent' AND idempotency_key LIKE 'mcp-%'"
    )
    op.execute(
        "UPDATE orders SET origin_channel = 'console' WHERE idempotency_key LIKE 'console:%'"
    )


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("origin_channel")
