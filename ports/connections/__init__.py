"""The connections context's ports."""
