"""The compliance context's ports."""
