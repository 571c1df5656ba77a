"""the bar store on SQL: market_bars partitioned by year on PostgreSQL, a trades column, and
the symbols' corporate actions

Revision ID: 0034
Revises: 0033
Create Date: 2026-11-25 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types
from adapters.postgres.bar_partitions import PARENT_DDL, partition_ddl

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

_MONEY = adapters.postgres.types.Money()
_COLUMNS = "symbol, interval, time, open, high, low, close, volume, vwap"


def upgrade() -> None:
    op.create_table(
        "bar_corporate_actions",
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ex_date", sa.Date(), nullable=False),
        sa.Column("value", _MONEY, nullable=False),
        sa.Column("reference_close", _MONEY, nullable=True),
        sa.PrimaryKeyConstraint("symbol", "kind", "ex_date", name=op.f("pk_bar_corporate_actions")),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        with op.batch_alter_table("market_bars", schema=None) as batch_op:
            batch_op.add_column(sa.Column("trades", sa.Integer(), nullable=True))
        return
    # The plain table becomes the partitioned one, its rows moved into their years.
    op.execute("ALTER TABLE market_bars RENAME TO market_bars_plain")
    op.execute(
        "ALTER TABLE market_bars_plain RENAME CONSTRAINT pk_market_bars TO pk_market_bars_plain"
    )
    op.execute(PARENT_DDL)
    years: list[int] = list(
        bind.execute(
            sa.text(
                "SELECT DISTINCT extract(year FROM time AT TIME ZONE 'UTC')::int "
                "FROM market_bars_plain"
            )
        ).scalars()
    )
    for year in years:
        op.execute(partition_ddl(int(year)))
    op.execute(f"INSERT INTO market_bars ({_COLUMNS}) SELECT {_COLUMNS} FROM market_bars_plain")
    op.execute("DROP TABLE market_bars_plain")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        with op.batch_alter_table("market_bars", schema=None) as batch_op:
            batch_op.drop_column("trades")
    else:
        op.execute("ALTER TABLE market_bars RENAME TO market_bars_partitioned")
        op.execute(
            "ALTER TABLE market_bars_partitioned RENAME CONSTRAINT pk_market_bars "
            "TO pk_market_bars_partitioned"
        )
        op.create_table(
            "market_bars",
            sa.Column("symbol", sa.String(length=64), nullable=False),
            sa.Column("interval", sa.String(length=16), nullable=False),
            sa.Column("time", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
            sa.Column("open", _MONEY, nullable=False),
            sa.Column("high", _MONEY, nullable=False),
            sa.Column("low", _MONEY, nullable=False),
            sa.Column("close", _MONEY, nullable=False),
            sa.Column("volume", _MONEY, nullable=False),
            sa.Column("vwap", _MONEY, nullable=True),
            sa.PrimaryKeyConstraint("symbol", "interval", "time", name=op.f("pk_market_bars")),
        )
        op.execute(
            f"INSERT INTO market_bars ({_COLUMNS}) SELECT {_COLUMNS} FROM market_bars_partitioned"
        )
        op.execute("DROP TABLE market_bars_partitioned")  # its partitions with it
    op.drop_table("bar_corporate_actions")
