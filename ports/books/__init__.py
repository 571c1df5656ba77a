"""The books context's ports."""
