"""ledger corporate actions: the new symbol, new share value and spin-off basis allocation

Revision ID: 0056
Revises: 0055
Create Date: 2026-12-06 12:00:00

Three columns of `portfolio_transactions` for the corporate-action kinds (reverse split with
cash in lieu, cash / stock / mixed merger, spin-off, symbol change, cash in lieu;
domain/tax/corporate_actions.py): `new_symbol` (the shares' symbol after the action),
`new_price` (fair market value of one new share in a merger paying cash and stock; 0 when not
used, the default of every existing row) and `allocation` (the spin-off's basis fraction).
The kind values are at most 16 characters, so `kind` keeps its width.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0056"
down_revision = "0055"
branch_labels = None
depends_on = None

_MONEY = adapters.postgres.types.Money()


def upgrade() -> None:
    with op.batch_alter_table("portfolio_transactions") as batch:
        batch.add_column(sa.Column("new_symbol", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("new_price", _MONEY, nullable=False, server_default="0"))
        batch.add_column(sa.Column("allocation", _MONEY, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("portfolio_transactions") as batch:
        batch.drop_column("allocation")
        batch.drop_column("new_price")
        batch.drop_column("new_symbol")
