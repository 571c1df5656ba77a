"""Repositories of the SQL unit of work, one module per group of aggregates."""
