"""Devices a user can trust: device records, trusted-device lists, step-up, login anomalies."""
