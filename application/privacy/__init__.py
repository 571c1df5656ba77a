"""A person's data: export and erasure (docs/privacy.md)."""
