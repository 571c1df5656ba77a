"""The devices context's ports."""
