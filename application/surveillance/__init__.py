"""Surveillance use cases: alerts, the detector run, its feed, merges and actions."""
