"""The books context's use cases: an owner's books, and their limits on the order path."""
