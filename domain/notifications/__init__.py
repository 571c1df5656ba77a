"""Notification rules, pure: the event catalogue, preferences, quiet hours, digests, rate
limits and templates. Channels and priorities are their wire names
(ports/notifications/notifications.py
holds the enums; the domain imports no port)."""
