"""Exactly-once effects for commands that arrive as messages (Kafka): the inbox check."""

from __future__ import annotations

from datetime import datetime

from domain.errors import DuplicateMessage
from ports.core.unit_of_work import UnitOfWork


async def claim(uow: UnitOfWork, message_id: str | None, kind: str, at: datetime) -> None:
    """Record `message_id` in the unit of work that commits its effect.

    Raises DuplicateMessage when the message's effect is already committed (a redelivery);
    a twin delivery racing this one fails at commit instead (the id is unique).
    """
    if message_id is None:
        return
    if await uow.inbox.seen(message_id):
        raise DuplicateMessage(f"message {message_id} was already processed")
    await uow.inbox.add(message_id, kind, at)
