"""Unit tests of the adapters (no I/O)."""
