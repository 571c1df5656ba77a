"""Alembic migrations of the Bulwark schema (run by `bulwark migrate`)."""
