"""Key use cases: the key vault, key rotation over sealed stores, broker credentials."""
