"""The safety context's ports."""
