"""Kafka adapter: command consumers in, domain events, decisions and emergency halts out."""
