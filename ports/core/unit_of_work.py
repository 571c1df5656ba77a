"""Unit of work: one atomic transaction over every repository."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Protocol, Self

from domain.events import DomainEvent
from ports.core.repositories import (
    AccountRepository,
    AgentRepository,
    FenceRepository,
    FillRepository,
    InboxRepository,
    InstrumentRepository,
    KillSwitchEventRepository,
    LockoutRepository,
    OrderJournalRepository,
    OrderRepository,
    PasscodeRepository,
    RiskRuleRepository,
    SuccessionRepository,
    TradingStateRepository,
    WorkspaceRepository,
)
from ports.identity.identity import (
    ApiKeyRepository,
    InvitationRepository,
    LoginThrottleRepository,
    PasswordResetRepository,
    RefreshTokenRepository,
    RevokedTokenRepository,
    UserRepository,
)


class UnitOfWork(Protocol):
    """A transaction: `async with uow:` then `await uow.commit()`.

    Leaving the block without commit rolls back: nothing added in it is kept.
    `collect_events()` returns (and clears) the domain events recorded by the
    aggregates this unit of work loaded or added, in the order they happened, that
    the caller must publish. A unit of work with a transactional outbox writes those
    events in the commit's own transaction instead (a relay publishes them) and
    returns none: either way each event is published, and only after its commit.
    """

    @property
    def accounts(self) -> AccountRepository: ...

    @property
    def orders(self) -> OrderRepository: ...

    @property
    def fills(self) -> FillRepository: ...

    @property
    def order_journal(self) -> OrderJournalRepository: ...

    @property
    def inbox(self) -> InboxRepository: ...

    @property
    def fences(self) -> FenceRepository: ...

    @property
    def instruments(self) -> InstrumentRepository: ...

    @property
    def risk_rules(self) -> RiskRuleRepository: ...

    @property
    def trading_states(self) -> TradingStateRepository: ...

    @property
    def kill_switch_events(self) -> KillSwitchEventRepository: ...

    @property
    def lockouts(self) -> LockoutRepository: ...

    @property
    def passcodes(self) -> PasscodeRepository: ...

    @property
    def agents(self) -> AgentRepository: ...

    @property
    def succession(self) -> SuccessionRepository: ...

    @property
    def users(self) -> UserRepository: ...

    @property
    def login_throttles(self) -> LoginThrottleRepository: ...

    @property
    def refresh_tokens(self) -> RefreshTokenRepository: ...

    @property
    def revoked_tokens(self) -> RevokedTokenRepository: ...

    @property
    def api_keys(self) -> ApiKeyRepository: ...

    @property
    def workspaces(self) -> WorkspaceRepository: ...

    @property
    def invitations(self) -> InvitationRepository: ...

    @property
    def password_resets(self) -> PasswordResetRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...

    def collect_events(self) -> list[DomainEvent]: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
