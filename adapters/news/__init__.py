"""News sources for the sentiment engine: a JSON-lines file replayed against the clock."""
