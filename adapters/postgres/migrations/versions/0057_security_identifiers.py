"""security identifiers: CUSIP, ISIN, FIGI on instruments; CUSIP, ISIN, settlement date on
ledger transactions

Revision ID: 0057
Revises: 0056
Create Date: 2026-12-07 12:00:00

`instruments` gains `cusip`, `isin` and `figi` (domain/trading/identifiers.py; null when not
known, as every existing row), each indexed for a look-up by identifier.
`portfolio_transactions` gains `cusip`, `isin` and `settle_date` (null on every existing row:
the settlement of an older transaction is not recorded).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0057"
down_revision = "0056"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("instruments") as batch:
        batch.add_column(sa.Column("cusip", sa.String(length=9), nullable=True))
        batch.add_column(sa.Column("isin", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("figi", sa.String(length=12), nullable=True))
        batch.create_index("ix_instruments_cusip", ["cusip"])
        batch.create_index("ix_instruments_isin", ["isin"])
        batch.create_index("ix_instruments_figi", ["figi"])
    with op.batch_alter_table("portfolio_transactions") as batch:
        batch.add_column(sa.Column("cusip", sa.String(length=9), nullable=True))
        batch.add_column(sa.Column("isin", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("settle_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("portfolio_transactions") as batch:
        batch.drop_column("settle_date")
        batch.drop_column("isin")
        batch.drop_column("cusip")
    with op.batch_alter_table("instruments") as batch:
        batch.drop_index("ix_instruments_figi")
        batch.drop_index("ix_instruments_isin")
        batch.drop_index("ix_instruments_cusip")
        batch.drop_column("figi")
        batch.drop_column("isin")
        batch.drop_column("cusip")
