"""Wealth use cases (docs/wealth.md): the investor profile, retirement accounts, the estate-tax
estimate and the alternatives allocator's limits."""
