"""Who may pull or release the kill switch on a scope, and which scopes a principal sees."""

from __future__ import annotations

from dataclasses import dataclass

from application.core.access import SUPERVISORS, account_for, ensure_may_change, visibility
from application.safety.killswitch_groups import ScopeGroups
from application.safety.killswitch_memory import KillSwitchMemory
from application.safety.killswitch_store_down import StoreDownHalt
from domain.errors import Forbidden, NotFound, StoreUnavailable
from domain.killswitch.state import Scope, ScopeKind
from domain.principals import Principal, Role
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(eq=False)
class KillSwitchAccess:
    """A supervisor may change any scope; anyone else only their own accounts, agents and
    books.

    While the store is down, what this process last allowed (or the remembered owner of an
    account) decides; what it cannot tell is refused as StoreUnavailable.
    """

    uow_factory: UnitOfWorkFactory
    memory: KillSwitchMemory
    store_down: StoreDownHalt
    groups: ScopeGroups | None = None  # the group scopes (books) and their owners

    async def authorize(self, principal: Principal, scope: Scope) -> None:
        ensure_may_change(principal)  # a viewer sees the switch but may not pull or resume it
        if principal.role in SUPERVISORS:
            return
        try:
            await self._authorize_stored(principal, scope)
        except StoreUnavailable:
            if self.store_down.allowed(principal, scope):
                return
            raise StoreUnavailable(
                f"the store is unavailable and this process cannot tell whether {principal.id} "
                f"may change {scope.key}"
            ) from None
        self.memory.allow(principal.id, scope.key)

    @staticmethod
    def authorize_agent_halt(principal: Principal, scope: Scope) -> None:
        """What an agent may halt on its own: itself, or an account granted to it (which
        `authorize` then checks); never everything, never another agent."""
        if principal.role is not Role.AGENT:
            raise Forbidden("only an agent halts with its key; people activate with a passcode")
        if scope.kind is ScopeKind.GLOBAL:
            raise Forbidden("an agent may halt itself or its accounts, not everything")
        if scope.kind is ScopeKind.BOOK:
            raise Forbidden("an agent may halt itself or its accounts, not a book")
        if scope.kind is ScopeKind.AGENT and scope.id != principal.id:
            raise NotFound(f"agent {scope.id} not found")

    async def _authorize_stored(self, principal: Principal, scope: Scope) -> None:
        if scope.kind is ScopeKind.BOOK:  # a group's owner only (another's is not found)
            if self.groups is None:
                raise NotFound(f"{scope.kind.value} {scope.id} not found")
            members = await self.groups.members(scope)
            if members.owner_id != principal.id:
                raise NotFound(f"{scope.kind.value} {scope.id} not found")
            return
        async with self.uow_factory() as uow:
            if scope.kind is ScopeKind.GLOBAL:
                raise Forbidden("only a risk officer or an admin can halt everything")
            if scope.kind is ScopeKind.ACCOUNT:
                await account_for(uow, principal, scope.id)
                return
            agent = await uow.agents.get(scope.id)
            itself = principal.role is Role.AGENT and agent is not None and agent.id == principal.id
            if agent is None or (agent.owner_id != principal.id and not itself):
                raise NotFound(f"agent {scope.id} not found")


async def visible_scopes(
    uow: UnitOfWork, principal: Principal, groups: ScopeGroups | None = None
) -> set[str] | None:
    """Scope keys the principal may see: None (all), or the global scope and its own
    (accounts, agents, and the groups it owns)."""
    seen = await visibility(uow, principal)
    if seen is None:
        return None
    owned = [] if groups is None else await groups.owned(principal.id)
    return {
        Scope.global_().key,
        *(Scope.account(a).key for a in seen.account_ids),
        *(Scope.agent(a).key for a in seen.agent_ids),
        *(scope.key for scope in owned),
    }
