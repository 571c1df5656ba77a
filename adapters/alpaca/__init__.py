"""Alpaca HTTP plumbing shared by the trading and the market-data adapters."""
