"""A book as a scope of the kill switch (application/safety/killswitch_groups.py): its owner
and the accounts it holds now, read from the books' store when a book is pulled or resumed.

The members last read of each book are kept, so a book pulled while the store cannot answer
still cancels at the venues of the members this process knows (the kill switch's store-down
path), and says it could not be sure of all of them when it knows none.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from application.safety.killswitch_groups import GroupMembers
from domain.errors import StoreUnavailable
from domain.killswitch.state import ScopeKind
from ports.books.store import BookStore


@dataclass(eq=False)
class BookScopeGroup:
    """The kill switch's view of books (a ScopeGroup of kind BOOK)."""

    store: BookStore
    _known: dict[str, GroupMembers] = field(default_factory=dict, init=False)
    _mutex: threading.Lock = field(default_factory=threading.Lock, init=False)

    @property
    def kind(self) -> ScopeKind:
        return ScopeKind.BOOK

    async def members(self, group_id: str) -> GroupMembers | None:
        try:
            book = await self.store.get(group_id)
        except StoreUnavailable:
            with self._mutex:
                known = self._known.get(group_id)
            if known is None:
                raise
            return known
        with self._mutex:
            if book is None:
                self._known.pop(group_id, None)
                return None
            found = self._known[group_id] = GroupMembers(book.owner_id, book.members)
        return found

    async def owned(self, owner_id: str) -> tuple[str, ...]:
        return tuple(book.id for book in await self.store.owned_by(owner_id))


__all__: Sequence[str] = ["BookScopeGroup"]
