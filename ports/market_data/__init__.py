"""The market data context's ports."""
