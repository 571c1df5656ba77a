"""The price alerts context's ports."""
