"""Strategy use cases: signals, strategies and their processor, backtests."""
