"""Project tooling (not shipped)."""
