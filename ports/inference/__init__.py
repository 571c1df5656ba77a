"""The inference context's ports."""
