"""What the kill switch tells of its scopes: their states and activations, whole or as a
principal may see them, each read after storing what waits from a store outage."""

from __future__ import annotations

from dataclasses import dataclass

from application.safety.killswitch_access import visible_scopes
from application.safety.killswitch_groups import ScopeGroups
from application.safety.killswitch_store_down import StoreDownHalt
from domain.errors import StoreUnavailable
from domain.killswitch.state import Scope, ScopeKind, TradingState
from domain.killswitch.switch import KillSwitchEvent, ScopeState
from domain.principals import Principal
from ports.core.unit_of_work import UnitOfWorkFactory


@dataclass(eq=False)
class KillSwitchReads:
    """The scopes' states and the activation records, as stored (after what waits is stored:
    a failure there leaves it waiting and never fails the read)."""

    uow_factory: UnitOfWorkFactory
    store_down: StoreDownHalt
    groups: ScopeGroups | None = None  # the group scopes (books) a principal owns

    async def status(self) -> list[ScopeState]:
        await self.store_down.store_pending_quietly()
        async with self.uow_factory() as uow:
            return await uow.trading_states.list()

    async def events(self, scope: Scope | None = None, limit: int = 100) -> list[KillSwitchEvent]:
        await self.store_down.store_pending_quietly()
        async with self.uow_factory() as uow:
            return await uow.kill_switch_events.list(scope.key if scope else None, limit)

    async def status_for(self, principal: Principal) -> list[ScopeState]:
        """The state of every scope the principal may see (absent ones ACTIVE), global first."""
        await self.store_down.store_pending_quietly()
        async with self.uow_factory() as uow:
            stored = {s.scope.key: s for s in await uow.trading_states.list()}
            keys = await visible_scopes(uow, principal, self.groups)
        if keys is None:
            keys = {Scope.global_().key, *stored}
        states = [stored.get(key) or ScopeState(Scope.parse(key)) for key in keys]
        return sorted(states, key=lambda s: (_KIND_ORDER[s.scope.kind], s.scope.id))

    async def events_for(self, principal: Principal, limit: int = 100) -> list[KillSwitchEvent]:
        """Activations on the scopes the principal may see, newest first."""
        await self.store_down.store_pending_quietly()
        async with self.uow_factory() as uow:
            keys = await visible_scopes(uow, principal, self.groups)
            if keys is None:
                return await uow.kill_switch_events.list(None, limit)
            found = [e for key in keys for e in await uow.kill_switch_events.list(key, limit)]
        found.sort(key=lambda e: e.triggered_at, reverse=True)
        return found[:limit]

    async def halted(self, scope: Scope) -> bool:
        """Does the store say the scope is HALTED? (False while it cannot be reached: a halt
        kept in memory is stored when the store is back.)"""
        try:
            async with self.uow_factory() as uow:
                state = await uow.trading_states.get(scope.key)
        except StoreUnavailable:
            return False
        return state is not None and state.state is TradingState.HALTED


_KIND_ORDER = {ScopeKind.GLOBAL: 0, ScopeKind.BOOK: 1, ScopeKind.ACCOUNT: 2, ScopeKind.AGENT: 3}
