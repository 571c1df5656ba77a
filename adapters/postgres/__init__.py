"""SQL persistence: SQLAlchemy async on PostgreSQL (asyncpg) and SQLite (aiosqlite)."""
