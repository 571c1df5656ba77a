"""Strategies of a user: create, list, read, change (optimistically) and page their decisions.

Every strategy belongs to the user who created it, and trades only that user's accounts: another
user's strategy or account answers NotFound, as everywhere else. Enabling `live` mode (or giving a
live strategy another account) needs the owner's kill-switch passcode, counted against the same
lockout as the kill switch's own attempts, and leaves an audit entry either way.

Suitability (domain/wealth/suitability.py): a strategy going live whose risk level is above its
owner's risk tolerance (their investor profile) is refused with 409
SUITABILITY_CONFIRMATION_REQUIRED until the owner confirms it (`confirm_risk`); the refusal and
the confirmation are audited. Checked when live mode is enabled, and when a live strategy's
sizing, entry or exit rules change. An owner without an investor profile is not checked.

A strategy with a learned combiner switched on (shadow, paper, live), or changed while on, is
refused with 422 COMBINER_TOO_FEW_BARS naming `mode` when not one symbol its sources name has
more than `training_bars` closed daily bars in the bar store (its coverage, no bar read); one
whose sources follow any symbol is not checked: its decisions wait for the history.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from application.core.access import ensure_may_change, owned_by
from application.core.cursors import decode_time_id, encode_time_id
from application.core.paging import Page, page_of
from application.strategies.live_combiner import LiveCombiner, check_live_history
from domain.errors import Conflict, DomainError, NotFound
from domain.killswitch.switch import WrongPasscode
from domain.principals import Principal
from domain.strategies.definition import (
    EntryRules,
    ExitRules,
    SignalSource,
    SizingPolicy,
    Strategy,
    StrategyMode,
)
from domain.wealth.suitability import Suitability, suitability
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.strategies.strategies import (
    Decision,
    DecisionCursor,
    DecisionLog,
    HoldingRepository,
    StrategyRepository,
)
from ports.wealth.investor_profiles import InvestorProfileRepository

MAX_PAGE = 200


class InvalidDecisionQuery(DomainError):
    """A decision listing with a limit out of range."""

    code = "INVALID_DECISION_QUERY"


class InvalidDecisionCursor(InvalidDecisionQuery):
    """A cursor this service did not hand out (or that was altered)."""

    code = "INVALID_CURSOR"


class PasscodeRequired(WrongPasscode):
    """Live mode asked for without the owner's passcode (403, like a wrong one)."""

    code = "PASSCODE_REQUIRED"


class SuitabilityConfirmationRequired(Conflict):
    """The strategy's risk is above the owner's tolerance: confirm it (`confirm_risk`) to run
    it live."""

    code = "SUITABILITY_CONFIRMATION_REQUIRED"


class PasscodeCheck(Protocol):
    """Checks a principal's kill-switch passcode, with its lockout (KillSwitchService)."""

    async def check_passcode(self, principal: Principal, passcode: str, action: str) -> None: ...


@dataclass(frozen=True, slots=True)
class StrategyDraft:
    """What a user gives to create a strategy."""

    name: str
    account_ids: tuple[str, ...]
    sources: tuple[SignalSource, ...]
    sizing: SizingPolicy = field(default_factory=SizingPolicy)
    entry: EntryRules = field(default_factory=EntryRules)
    exit: ExitRules = field(default_factory=ExitRules)
    mode: StrategyMode = StrategyMode.OFF
    passcode: str | None = None
    confirm_risk: bool = False


@dataclass(frozen=True, slots=True)
class StrategyPatch:
    """A change of a strategy read at `version`; None leaves a part as it is."""

    version: int
    name: str | None = None
    account_ids: tuple[str, ...] | None = None
    sources: tuple[SignalSource, ...] | None = None
    sizing: SizingPolicy | None = None
    entry: EntryRules | None = None
    exit: ExitRules | None = None
    mode: StrategyMode | None = None
    passcode: str | None = None
    confirm_risk: bool = False


DecisionPage = Page[Decision]  # newest first


class StrategyService:
    """The owner's strategies; the processor (application/strategies/strategy_processor.py) runs
    them."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        strategies: StrategyRepository,
        decisions: DecisionLog,
        holdings: HoldingRepository,
        passcodes: PasscodeCheck,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        profiles: InvestorProfileRepository | None = None,
        combiner: LiveCombiner | None = None,
    ) -> None:
        self._uow = uow_factory
        self._combiner = combiner  # checks a learned strategy's stored history when it runs
        self._profiles = profiles
        self._strategies = strategies
        self._decisions = decisions
        self._holdings = holdings
        self._passcodes = passcodes
        self._clock = clock
        self._ids = ids
        self._audit = audit

    async def create(self, principal: Principal, draft: StrategyDraft) -> Strategy:
        ensure_may_change(principal)
        now = self._clock.now()
        strategy = Strategy(
            id=self._ids.new("stg-"),
            owner_id=principal.id,
            name=draft.name.strip(),
            account_ids=draft.account_ids,
            sources=draft.sources,
            sizing=draft.sizing,
            entry=draft.entry,
            exit=draft.exit,
            mode=draft.mode,
            created_at=now,
            updated_at=now,
        )
        await self._check_accounts(principal, strategy.account_ids)
        if strategy.mode is not StrategyMode.OFF:
            await self._check_learned_history(strategy)
        if strategy.mode is StrategyMode.LIVE:
            await self._check_suitability(principal, strategy, draft.confirm_risk)
            await self._authorize_live(principal, strategy, draft.passcode)
        await self._strategies.add(strategy)
        await self._record(principal, "strategy.create", strategy, "ok")
        return strategy

    async def list_for(self, principal: Principal) -> list[Strategy]:
        return await self._strategies.list_by_owner(principal.id)

    async def get(self, principal: Principal, strategy_id: str) -> Strategy:
        strategy = await self._strategies.get(strategy_id)
        return owned_by(principal, strategy, NotFound(f"strategy {strategy_id} not found"))

    async def update(
        self, principal: Principal, strategy_id: str, patch: StrategyPatch
    ) -> Strategy:
        """Apply `patch` to the strategy read at `patch.version` (ConcurrentUpdate if stale)."""
        ensure_may_change(principal)
        current = await self.get(principal, strategy_id)
        changes = {
            name: value
            for name in ("name", "account_ids", "sources", "sizing", "entry", "exit", "mode")
            if (value := getattr(patch, name)) is not None
        }
        if "name" in changes:
            changes["name"] = str(changes["name"]).strip()
        changed = dataclasses.replace(
            current, **changes, version=patch.version, updated_at=self._clock.now()
        )
        added = set(changed.account_ids) - set(current.account_ids)
        if added:
            await self._check_accounts(principal, tuple(sorted(added)))
        enabling = changed.mode is StrategyMode.LIVE and (
            current.mode is not StrategyMode.LIVE or bool(added)
        )
        riskier = changed.mode is StrategyMode.LIVE and any(
            name in changes for name in ("sizing", "entry", "exit")
        )
        if changed.mode is not StrategyMode.OFF and (
            current.mode is StrategyMode.OFF or "entry" in changes or "sources" in changes
        ):
            await self._check_learned_history(changed)
        if enabling or riskier:
            await self._check_suitability(principal, changed, patch.confirm_risk)
        if enabling:
            await self._authorize_live(principal, changed, patch.passcode)
        updated = await self._strategies.update(changed)
        if current.mode is StrategyMode.SHADOW and updated.mode is not StrategyMode.SHADOW:
            await self._drop_shadow_holdings(updated.id)
        outcome = f"mode {current.mode.value} -> {updated.mode.value}"
        await self._record(principal, "strategy.update", updated, outcome)
        return updated

    async def decisions(
        self,
        principal: Principal,
        strategy_id: str,
        cursor: str | None = None,
        limit: int = 50,
    ) -> DecisionPage:
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidDecisionQuery(f"limit must be between 1 and {MAX_PAGE}", field="limit")
        strategy = await self.get(principal, strategy_id)
        after = decode_cursor(cursor) if cursor is not None else None
        found = await self._decisions.page(strategy.id, after, limit + 1)
        return page_of(found, limit, encode_cursor)

    # -- helpers ---------------------------------------------------------------------
    async def _check_accounts(self, principal: Principal, account_ids: Sequence[str]) -> None:
        """Every account must be the principal's own (a supervisor's role grants nothing here:
        the processor trades as the owner)."""
        async with self._uow() as uow:
            for account_id in account_ids:
                account = await uow.accounts.get(account_id)
                refusal = NotFound(f"account {account_id} not found", field="account_ids")
                owned_by(principal, account, refusal)

    async def _check_learned_history(self, strategy: Strategy) -> None:
        """A learned strategy needs one symbol with a fitting history (module docstring)."""
        if self._combiner is None or not strategy.entry.learned:
            return
        if any(not source.symbols for source in strategy.sources):
            return  # any symbol: there is no list to check
        symbols = sorted({symbol for source in strategy.sources for symbol in source.symbols})
        await check_live_history(self._combiner, strategy, symbols, self._clock.now())

    async def _authorize_live(
        self, principal: Principal, strategy: Strategy, passcode: str | None
    ) -> None:
        if not passcode:
            await self._record(principal, "strategy.live", strategy, "refused: no passcode")
            raise PasscodeRequired("live mode needs your kill-switch passcode", field="passcode")
        await self._passcodes.check_passcode(principal, passcode, "strategy.live")
        await self._record(principal, "strategy.live", strategy, "enabled")

    async def _check_suitability(
        self, principal: Principal, strategy: Strategy, confirmed: bool
    ) -> None:
        """SuitabilityConfirmationRequired when the strategy is above the owner's tolerance
        and not confirmed; both the refusal and a confirmation are audited."""
        if self._profiles is None:
            return
        profile = await self._profiles.get(strategy.owner_id)
        if profile is None:
            return
        verdict = suitability(strategy, profile.risk_tolerance)
        if verdict.suitable:
            return
        summary = _summary(verdict)
        if not confirmed:
            await self._record(principal, "strategy.suitability", strategy, f"refused: {summary}")
            raise SuitabilityConfirmationRequired(
                f"{summary}: set confirm_risk to run it live anyway", field="confirm_risk"
            )
        await self._record(principal, "strategy.suitability", strategy, f"confirmed: {summary}")

    async def _drop_shadow_holdings(self, strategy_id: str) -> None:
        """Shadow holdings were never traded: they must not drive exits once orders are sent."""
        for holding in await self._holdings.for_strategy(strategy_id):
            if holding.details.get("shadow") == "true":
                await self._holdings.remove(holding.strategy_id, holding.account_id, holding.symbol)

    async def _record(
        self, principal: Principal, action: str, strategy: Strategy, outcome: str
    ) -> None:
        await self._audit.record(
            AuditEntry(
                principal.id,
                action,
                strategy.id,
                outcome,
                self._clock.now(),
                {"mode": strategy.mode.value, "accounts": list(strategy.account_ids)},
            )
        )


def _summary(verdict: Suitability) -> str:
    risk = verdict.risk
    return (
        f"risk level {int(risk.level)} ({risk.level.label}: {'; '.join(risk.reasons)}) above your "
        f"tolerance {int(verdict.tolerance)} ({verdict.tolerance.label})"
    )


def encode_cursor(decision: Decision) -> str:
    """The opaque position after `decision` in newest-first order."""
    return encode_time_id(decision.decided_at, decision.id)


def decode_cursor(cursor: str) -> DecisionCursor:
    """The position a cursor from `encode_cursor` stands for; InvalidDecisionCursor else."""
    position = decode_time_id(cursor)
    if position is None:
        raise InvalidDecisionCursor("invalid cursor", field="cursor")
    return DecisionCursor(*position)
