"""Reconciliation: what a venue holds against what Bulwark holds, account by account."""
