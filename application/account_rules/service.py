"""An account's settings of the US account rules, by its owner: its options approval level.

Only the account's owner reads or changes them (another's account, or an unknown id, answers
NotFound alike); a viewer may not change them. Each change is audited. The gate reads the
level from the store for each option order, so a change binds the next one, on any instance.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.core.access import ensure_may_change, owned_account
from domain.account_rules.options_level import options_level
from domain.account_rules.settings import AccountRuleSettings
from domain.principals import Principal
from ports.account_rules.settings import AccountRuleSettingsStore
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory


@dataclass(eq=False)
class AccountRulesService:
    """Show and set an account's settings (see the module docstring)."""

    store: AccountRuleSettingsStore
    uow_factory: UnitOfWorkFactory
    clock: Clock
    audit: AuditLog

    async def show(self, principal: Principal, account_id: str) -> AccountRuleSettings:
        await self._owned(principal, account_id)
        found = await self.store.get(account_id)
        return found if found is not None else AccountRuleSettings(account_id)

    async def set_options_level(
        self, principal: Principal, account_id: str, level: int | None
    ) -> AccountRuleSettings:
        """Approve the account for `level` (0 to 4), or None: options orders unchecked."""
        ensure_may_change(principal)
        await self._owned(principal, account_id)
        approved = None if level is None else options_level(level)
        settings = AccountRuleSettings(account_id, approved, self.clock.now())
        await self.store.put(settings)
        await self.audit.record(
            AuditEntry(
                principal.id,
                "account.options_level",
                f"account:{account_id}",
                "ok",
                settings.updated_at or self.clock.now(),
                {"options_level": None if approved is None else int(approved)},
            )
        )
        return settings

    async def _owned(self, principal: Principal, account_id: str) -> None:
        async with self.uow_factory() as uow:
            await owned_account(uow, principal, account_id)
