"""The connections context's use cases: an owner's venue connections, and their adapters."""
