"""The wealth context's ports."""
