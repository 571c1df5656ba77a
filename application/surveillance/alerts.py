"""Surveillance use cases: reading and reviewing alerts, and a detector run over events.

Who sees what (docs/surveillance.md): risk officers, admins and viewers read every alert;
owners and traders read the alerts about themselves (as beneficial owner); agents none.
Only risk officers and admins review (acknowledge, close with a note); a viewer's or an
owner's review is Forbidden (they see the alert, so NotFound would lie); another owner's
alert answers ALERT_NOT_FOUND.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from application.core.access import ensure_may_change, sees_everything
from application.core.cursors import decode_time_id, encode_time_id
from application.core.paging import Page, page_of
from application.surveillance.actions import SurveillanceActions
from application.surveillance.feed import apply, decode_state, encode_state
from domain.errors import ConcurrentUpdate, DomainError, Forbidden, NotFound
from domain.events import DomainEvent
from domain.principals import Principal, Role
from domain.surveillance.cases import Alert, AlertStatus
from domain.surveillance.engine import SurveillanceEngine
from domain.surveillance.rules import SurveillanceRules
from ports.core.clock import Clock
from ports.surveillance.surveillance import AlertQuery, Checkpoint, SurveillanceStore

MAX_PAGE = 500
REVIEWERS = frozenset({Role.RISK_OFFICER, Role.ADMIN})


class AlertNotFound(NotFound):
    code = "ALERT_NOT_FOUND"


class InvalidAlertQuery(DomainError):
    """A listing's filter or cursor this service cannot read."""

    code = "INVALID_CURSOR"


AlertPage = Page[Alert]


@dataclass(eq=False)
class SurveillanceService:
    """Lists, reads and reviews alerts for a principal (see the module docstring)."""

    store: SurveillanceStore
    clock: Clock

    async def list(
        self, principal: Principal, query: AlertQuery, cursor: str | None = None
    ) -> AlertPage:
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidAlertQuery(f"limit must be 1 to {MAX_PAGE}", field="limit")
        before = None
        if cursor is not None:
            before = decode_time_id(cursor)
            if before is None:
                raise InvalidAlertQuery("not a cursor this service handed out", field="cursor")
        owner = None if sees_everything(principal) else _reader(principal)
        if owner is not None and query.owner_id not in (None, owner):
            return Page([], None)  # another owner's alerts: none, as if there were none
        scoped = AlertQuery(owner or query.owner_id, query.status, query.pattern,
                            query.severity, query.symbol, before, query.limit + 1)  # fmt: skip
        found = await self.store.find(scoped)
        return page_of(found, query.limit, _cursor)

    async def get(self, principal: Principal, alert_id: str) -> Alert:
        alert = await self.store.get(alert_id)
        if alert is None or not _may_see(principal, alert):
            raise AlertNotFound(f"alert {alert_id} not found")
        return alert

    async def review(
        self,
        principal: Principal,
        alert_id: str,
        status: AlertStatus,
        note: str | None,
        expected_version: int | None = None,
    ) -> Alert:
        """Acknowledge or close (with a note) an alert; ConcurrentUpdate when `expected_version`
        is given and the alert has changed since (or someone else changed it meanwhile)."""
        ensure_may_change(principal)
        alert = await self.get(principal, alert_id)
        if principal.role not in REVIEWERS:
            raise Forbidden("only a risk officer or an admin reviews surveillance alerts")
        version = alert.version
        if expected_version is not None and expected_version != version:
            raise ConcurrentUpdate(f"alert {alert_id} is at version {version}")
        alert.move(status, principal.id, self.clock.now(), note)
        await self.store.save(alert, version)
        return alert


def _reader(principal: Principal) -> str:
    if principal.role is Role.AGENT:
        raise Forbidden("agents do not read surveillance alerts")
    return principal.id


def _may_see(principal: Principal, alert: Alert) -> bool:
    if sees_everything(principal):
        return True
    return _reader(principal) == alert.detection.owner_id


class SurveillanceRun:
    """One detector run: its engine, how far it has read, its checkpoints and new alerts.

    `feed` gives it events; `commit` stores the alerts found and, with them (or when a
    checkpoint is due), the engine's state and the offsets read, in one transaction of the
    store; then the policy acts on the new HIGH ones. `start` resumes from the last
    checkpoint (and finishes actions a previous run left pending).
    """

    def __init__(
        self,
        name: str,
        rules: SurveillanceRules,
        store: SurveillanceStore,
        actions: SurveillanceActions,
        clock: Clock,
        *,
        checkpoint_seconds: float = 5.0,
        checkpoint_events: int = 200_000,
    ) -> None:
        self.name = name
        self.rules = rules
        self.engine = SurveillanceEngine(rules)
        self.offsets: dict[str, int] = {}
        self._store = store
        self._actions = actions
        self._clock = clock
        self._every_s = checkpoint_seconds
        self._every_events = checkpoint_events
        self._since = 0
        self._last = 0.0
        self.checkpoints = 0

    async def start(self) -> Mapping[str, int]:
        """Restores the last checkpoint; returns the offsets it had read to (empty: none)."""
        saved = await self._store.checkpoint(self.name)
        if saved is not None:
            self.engine = decode_state(saved.state, self.rules)
            self.offsets = dict(saved.offsets)
        else:
            self.engine = SurveillanceEngine(self.rules)
            self.offsets = {}
        self._since, self._last = 0, self._clock.monotonic()
        await self._actions.retry_pending()
        return dict(self.offsets)

    def feed(self, event: DomainEvent, fallback_us: int, position: tuple[str, int] | None) -> bool:
        """One event; `position` ("topic:partition", offset) of its record, when it has one.
        True when it raised detections (then `commit` soon: they are in memory only)."""
        apply(self.engine, event, fallback_us)
        if position is not None:
            self.offsets[position[0]] = position[1] + 1
        self._since += 1
        return bool(self.engine.detections)

    @property
    def checkpoint_due(self) -> bool:
        return self._since >= self._every_events or (
            self._since > 0 and self._clock.monotonic() - self._last >= self._every_s
        )

    async def commit(self, *, force: bool = False) -> list[Alert]:
        """Stores new alerts with a checkpoint (or a checkpoint alone when due or forced);
        then acts on the alerts that were new to the store. Returns those."""
        detections = self.engine.take()
        if not detections and not force and not self.checkpoint_due:
            return []
        now = self._clock.now()
        alerts = [Alert.raise_(d, now) for d in detections]
        checkpoint = Checkpoint(
            self.name, encode_state(self.engine), dict(self.offsets), self.engine.events, now
        )
        try:
            inserted = await self._store.record(alerts, checkpoint)
        except BaseException:
            self.engine.detections[:0] = detections  # kept for the next commit
            raise
        self.checkpoints += 1
        self._since, self._last = 0, self._clock.monotonic()
        fresh = [a for a in alerts if a.id in inserted]
        await self._actions.handle(fresh)
        return fresh


def _cursor(alert: Alert) -> str:
    return encode_time_id(alert.detection.detected_at, alert.id)
