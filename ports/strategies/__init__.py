"""The strategies context's ports."""
