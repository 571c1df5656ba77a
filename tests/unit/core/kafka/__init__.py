"""Unit tests of the Kafka wire format, command mapping and dead letters."""
