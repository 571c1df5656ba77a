"""Table definitions, one module per group, all on `adapters.postgres.types.metadata`."""
