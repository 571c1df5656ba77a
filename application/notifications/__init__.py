"""Notification use cases: the center, channels, endpoints, dispatch and the inbox API."""
