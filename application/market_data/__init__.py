"""Market data use cases: providers and failover, the quote pump, options chains."""
