"""orders keep the codes that held them apart from what denied them: hold_reasons

Until now a held order was stored with the codes of the HOLD rules that held it in
`deny_reasons`, and they stayed there after a person approved it, so a filled order showed
denial reasons. Now `deny_reasons` names only what denied or closed an order and the hold's
codes are kept in `hold_reasons` (null: never held).

Existing rows whose `deny_reasons` are a hold's codes move them to `hold_reasons` (and their
`deny_reasons` become empty). Only four ways ever wrote `deny_reasons`: a denial (status
`denied`), a hold (`held`), a reviewer's rejection of a hold (`canceled`, the reviewer's
reason) and the closing of an order its broker never received (`never_sent`, its reason).
So the codes are a hold's, and move, when the order

- is `held`, or
- is `pending_submit`, `accepted`, `partially_filled`, `filled`, `rejected` or `expired` with
  reasons: none of these is reached by a denial, a rejection of a hold or `never_sent`, so its
  reasons are what held it (a hold approved, or lapsed: `expired`), or
- is `canceled` with reasons, approvals (`hold_approvals`) and a broker order id: it was held,
  approved, sent, and canceled afterwards (a rejected hold is never sent).

Left as they are, since the hold's codes cannot be told from the row: a `canceled` order that
was never sent (a reviewer's reason; its hold's codes were overwritten by it), a `denied` one
(denied when first decided, or on approval by a BLOCK rule or the kill switch: the BLOCK codes
are what denied it, the hold's were overwritten), and a `never_sent` one. Their `hold_reasons`
stay empty.

Downgrade puts the hold's codes back in `deny_reasons` where nothing else is there.

Revision ID: 0041
Revises: 0040
Create Date: 2026-11-27 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0041"
down_revision = "0040"
branch_labels = None
depends_on = None

_JSON = adapters.postgres.types.Json
_HELD_THEN = (
    "'held', 'pending_submit', 'accepted', 'partially_filled', 'filled', 'rejected', 'expired'"
)


def _filled(column: str, dialect: str) -> str:
    """SQL true when `column` holds a JSON array with at least one item (SQL or JSON null,
    an empty array: false). PostgreSQL may evaluate AND's sides in any order: a CASE keeps
    the array length from a scalar."""
    if dialect == "postgresql":
        return (
            f"(CASE WHEN jsonb_typeof({column}) = 'array' "
            f"THEN jsonb_array_length({column}) ELSE 0 END) > 0"
        )
    return (
        f"(CASE WHEN json_type({column}) = 'array' THEN json_array_length({column}) ELSE 0 END) > 0"
    )


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("hold_reasons", _JSON, nullable=True))
    dialect = op.get_bind().dialect.name
    denied, approved = _filled("deny_reasons", dialect), _filled("hold_approvals", dialect)
    op.execute(
        "UPDATE orders SET hold_reasons = deny_reasons, deny_reasons = '[]' "
        f"WHERE {denied} AND (status IN ({_HELD_THEN}) OR (status = 'canceled' "
        f"AND {approved} AND broker_order_id IS NOT NULL))"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    held, denied = _filled("hold_reasons", dialect), _filled("deny_reasons", dialect)
    op.execute(f"UPDATE orders SET deny_reasons = hold_reasons WHERE {held} AND NOT {denied}")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("hold_reasons")
