"""The aggregation context's ports."""
