"""The review context's ports."""
