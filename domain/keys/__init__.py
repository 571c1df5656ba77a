"""The API-key vault's rules: which providers, which scopes, when a key warns and expires."""
