"""Shared wire plumbing for the driving adapters (HTTP, Kafka, CLI): numbers, JSON limits."""
