"""The in-process store of one item per key (a user's profile, an account's settings)."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class InMemoryByKey(Generic[T]):
    """Items held in a dict by their `key` attribute (items are frozen): `get` by key,
    `put` replaces the item of its key."""

    key: str

    def __init__(self) -> None:
        self._items: dict[str, T] = {}

    async def get(self, key: str) -> T | None:
        return self._items.get(key)

    async def put(self, item: T) -> None:
        self._items[getattr(item, self.key)] = item
