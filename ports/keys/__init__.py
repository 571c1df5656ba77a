"""The keys context's ports."""
