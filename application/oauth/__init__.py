"""OAuth use cases: clients, a person's consent, codes and tokens, and grants' revocation."""
