"""Redis adapters: rate limits, cross-instance broadcast, quote cache, idempotency keys."""
