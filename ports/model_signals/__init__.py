"""The model signals context's ports."""
