"""The core context's ports."""
