"""ESG analytics: portfolio scores with coverage, exclusion screens, carbon."""
