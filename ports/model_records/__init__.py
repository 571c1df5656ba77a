"""The model records context's ports."""
