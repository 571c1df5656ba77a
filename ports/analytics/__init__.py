"""The analytics context's ports."""
