"""Compliance: which Bulwark control covers which requirement, from the live configuration."""
