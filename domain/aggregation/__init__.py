"""Outside accounts read through an aggregator (Plaid): linked items, their accounts,
holdings and transactions, read-only in Bulwark (docs/aggregation.md)."""
