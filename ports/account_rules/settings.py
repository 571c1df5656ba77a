"""Where each account's settings of the US account rules are kept."""

from __future__ import annotations

from typing import Protocol

from domain.account_rules.settings import AccountRuleSettings


class AccountRuleSettingsStore(Protocol):
    """Settings by account id; `get` is None for an account that never set any. `put` stores
    the settings of `settings.account_id`, replacing any stored before."""

    async def get(self, account_id: str) -> AccountRuleSettings | None: ...

    async def put(self, settings: AccountRuleSettings) -> None: ...
