"""ESG analytics (issue 22): portfolio scores with coverage, exclusion screens, carbon."""
