"""The notifications context's ports."""
