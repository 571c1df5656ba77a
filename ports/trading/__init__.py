"""The trading context's ports."""
