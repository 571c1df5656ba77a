"""Surveillance DTOs: alerts with their evidence, pages of them, and a review.

Times are ISO 8601 UTC. Evidence prices and quantities are decimal strings of the events'
figures; `thresholds` are the rule's values as configured, `observed` what was measured
(docs/surveillance.md names each).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Output, attributes, doc
from adapters.http.wire_format import AnalyticOut
from domain.surveillance.cases import MAX_NOTE, Alert


class SurveillanceEvidenceOut(Output):
    orders: Annotated[list[dict[str, Any]], doc("The orders behind it (at most 50)")]
    fills: Annotated[list[dict[str, Any]], doc("The fills behind it (at most 50)")]


class SurveillanceAlertOut(Output):
    id: str
    pattern: Annotated[str, doc("spoofing, layering, wash_trading, quote_stuffing, "
                                 "momentum_ignition, marking_the_close")]  # fmt: skip
    severity: Annotated[str, doc("low, medium or high (high: the policy acts)")]
    score: Annotated[AnalyticOut, doc("0 to 1: how far past its thresholds (docs/surveillance.md)")]
    owner_id: Annotated[str, doc("The beneficial owner (the accounts' owner)")]
    symbol: str
    accounts: list[str]
    agents: list[str]
    started_at: datetime
    detected_at: datetime
    rule: Annotated[str, doc("The detector (the pattern's name)")]
    thresholds: dict[str, Any]
    observed: dict[str, Any]
    evidence: SurveillanceEvidenceOut
    status: Annotated[str, doc("open -> acknowledged -> closed")]
    note: str
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    closed_by: str | None
    closed_at: datetime | None
    action: Annotated[str, doc("none, pending, paused, warned or failed")]
    action_detail: str
    created_at: datetime
    version: Annotated[int, doc("Send it back as `version` to review optimistically")]

    @classmethod
    def from_domain(cls, alert: Alert) -> SurveillanceAlertOut:
        d = alert.detection
        return cls.from_attributes(
            alert,
            **attributes(
                d,
                "score",
                "owner_id",
                "symbol",
                "started_at",
                "detected_at",
                "thresholds",
                "observed",
            ),
            pattern=d.pattern.value,
            severity=d.severity.value,
            accounts=list(d.accounts),
            agents=list(d.agents),
            rule=d.pattern.value,
            evidence=SurveillanceEvidenceOut(orders=list(d.orders), fills=list(d.fills)),
            status=alert.status.value,
            action=alert.action.value,
        )


class SurveillanceAlertPageOut(ItemsOut):
    items: list[SurveillanceAlertOut]
    next_cursor: str | None


class AlertReviewIn(Input):
    """A review step: acknowledge an open alert, or close an acknowledged one with a note."""

    status: Literal["acknowledged", "closed"]
    note: Annotated[
        Annotated[str, msgspec.Meta(max_length=MAX_NOTE)] | None,
        doc("Required to close: the reviewer's conclusion"),
    ] = None
    version: Annotated[
        Annotated[int, msgspec.Meta(ge=1)] | None,
        doc("The version you read: 409 CONCURRENT_UPDATE if it changed since"),
    ] = None
