"""Rebalancing: drift against target allocations and a tax-aware trade proposal (pure)."""
