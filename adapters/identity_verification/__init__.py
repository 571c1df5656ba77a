"""Identity-verification providers behind ports/identity/verification.py."""
