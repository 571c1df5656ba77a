"""Venue connections: where an owner's accounts trade, as data."""
