"""Identity use cases: sign-in, users, invitations, password resets, API keys, KYC."""
