"""The limits side of live trading: every new account's default limits, and the guard that
refuses a rule change leaving a live-enabled account without one of its required limits.

The defaults (domain/live_trading/limits.py: `default_rules`) are written in the unit of work
that opens the account, so no account is ever stored without them (unless the deployment
turned them off). The guard runs before a rule's update or deletion commits: it names the
live-enabled accounts the rule bound and refuses (LIVE_LIMITS_REQUIRED, audited as
`live.limits_required`) when one of them would lack a required kind afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from domain.live_trading.limits import (
    REQUIRED_LIMITS,
    LimitDefaults,
    binds_every_order,
    default_rules,
    missing_limits,
    named,
)
from domain.live_trading.opt_in import LiveLimitsRequired, LiveStatus
from domain.principals import Principal
from domain.risk.rules import RiskRule
from domain.trading.accounts import Account
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWork
from ports.live_trading.opt_ins import LiveOptInStore


@dataclass(eq=False)
class DefaultLimits:
    """Adds the default limits to a new account (None: the deployment turned them off)."""

    ids: IdGenerator
    defaults: LimitDefaults | None

    async def opened(self, uow: UnitOfWork, account: Account) -> Mapping[str, object]:
        if self.defaults is None:
            return {}
        rules = default_rules(
            account.id, account.owner_id, self.defaults, lambda: self.ids.new("rule-")
        )
        for rule in rules:
            await uow.risk_rules.add(rule)
        return {"default_limits": [rule.id for rule in rules]}


@dataclass(eq=False)
class RequiredLimitsGuard:
    """Refuses a rule change that would take a required limit from a live-enabled account."""

    store: LiveOptInStore
    audit: AuditLog
    clock: Clock

    async def check(
        self, uow: UnitOfWork, principal: Principal, before: RiskRule, after: RiskRule | None
    ) -> None:
        if before.rule_type not in REQUIRED_LIMITS:
            return  # it sets no required limit: changing it takes none away
        enabled = [
            opt_in
            for opt_in in await self.store.listed(LiveStatus.ENABLED)
            if binds_every_order(before, opt_in.account_id, opt_in.owner_id)
        ]
        if not enabled:
            return
        rules = [r for r in await uow.risk_rules.list() if r.id != before.id]
        if after is not None:
            rules.append(after)
        for opt_in in enabled:
            missing = missing_limits(rules, opt_in.account_id, opt_in.owner_id)
            if missing:
                await self._refused(principal, before, after, opt_in.account_id)
                raise LiveLimitsRequired(
                    f"account {opt_in.account_id} trades live and must keep an active BLOCK "
                    f"rule limiting {named(missing)}: add another before removing or "
                    f"weakening rule {before.id} (or tighten it instead)"
                )

    async def _refused(
        self, principal: Principal, before: RiskRule, after: RiskRule | None, account_id: str
    ) -> None:
        details = {
            "account_id": account_id,
            "change": "delete" if after is None else "update",
            "rule_type": before.rule_type.value,
        }
        entry = AuditEntry(
            principal.id, "live.limits_required", before.id, LiveLimitsRequired.code,
            self.clock.now(), details,
        )  # fmt: skip
        await self.audit.record(entry)
