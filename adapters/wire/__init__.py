"""Shared wire plumbing for every driving adapter (HTTP, Kafka, CLI): strict numbers and JSON limits."""
