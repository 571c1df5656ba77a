"""The portfolio context's ports."""
