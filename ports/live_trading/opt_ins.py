"""Where each account's opt-in to live trading is kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.live_trading.opt_in import LiveOptIn, LiveStatus


class LiveOptInStore(Protocol):
    """Opt-ins by account id; an account never acknowledged, or whose opt-in was withdrawn,
    has none (`get` is None). `put` stores the opt-in of `opt_in.account_id`, replacing any
    stored before."""

    async def get(self, account_id: str) -> LiveOptIn | None: ...

    async def put(self, opt_in: LiveOptIn) -> None: ...

    async def remove(self, account_id: str) -> bool:
        """Forget the account's opt-in (its owner withdrew it); whether there was one."""
        ...

    async def listed(
        self, status: LiveStatus | None = None, owner_id: str | None = None
    ) -> Sequence[LiveOptIn]:
        """The opt-ins of `status` and of `owner_id` (either None: any), oldest acknowledgement
        first (then by account id)."""
        ...
