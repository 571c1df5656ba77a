"""Market-data providers: synthetic, replay, Alpaca, and the failover composite."""
