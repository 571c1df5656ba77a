"""Alembic environment: runs on the connection `migrate.py` hands over (async engines)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from adapters.postgres.schema import metadata

config = context.config


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through adapters.postgres.migrate (bulwark migrate)")
run(connection)
