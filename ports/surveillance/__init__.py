"""The surveillance context's ports."""
