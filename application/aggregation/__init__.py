"""Account aggregation: outside accounts linked through an aggregator, read-only."""
