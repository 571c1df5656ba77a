"""Text messages through an SMS provider (Twilio's Messages API, adapters/notifications).

The SMS channel (application/notifications/channels.py) renders a notification as one short
text and hands it to an `SmsSender`. A phone number is personal data: stored sealed, passed
here only at send time, never logged, and never part of a failure's reason.
"""

from __future__ import annotations

from typing import Protocol


class SmsSender(Protocol):
    """Sends one text to one E.164 number; returns the provider's message id. Raises
    ports.notifications.notifications.DeliveryFailed (retryable for throttling, 5xx, timeouts)."""

    async def send_text(self, to: str, text: str) -> str: ...
