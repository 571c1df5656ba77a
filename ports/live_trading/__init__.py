"""The live trading context's ports."""
