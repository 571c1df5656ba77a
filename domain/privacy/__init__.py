"""A person's data: what Bulwark holds about a user, exported whole, and erased on request
keeping only what the law requires (docs/privacy.md)."""
