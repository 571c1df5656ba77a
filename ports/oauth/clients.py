"""Client ID metadata documents: the JSON a client publishes at its https client_id."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class ClientDocuments(Protocol):
    """Fetches a client's metadata document."""

    async def fetch(self, url: str) -> Mapping[str, object] | None:
        """The JSON object at `url` (https only, loopback excepted; bounded in size and time),
        None when it cannot be had."""
