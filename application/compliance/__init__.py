"""Compliance: the control inventory, read from the live configuration."""
