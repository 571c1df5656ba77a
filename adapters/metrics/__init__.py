"""Prometheus implementations of the metrics port and the scrape-time gauges."""
