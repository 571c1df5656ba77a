"""The rebalancing context's ports."""
