"""The account rules context's ports."""
