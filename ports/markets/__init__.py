"""The markets context's ports."""
