"""Shared wire plumbing for HTTP, Kafka and CLI: strict numbers and JSON limits."""
