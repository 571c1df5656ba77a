"""KYC documents: what a user proves their identity with, and the review it goes through."""
