"""Compliance DTOs: the control inventory, account by account and book by book."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from adapters.http.schemas.common import Output, doc
from domain.compliance.controls import ControlFinding, ControlKind, Coverage, DrillRecord
from domain.compliance.inventory import AccountInventory, BookInventory, Inventory
from domain.compliance.status import ElementState, RequirementStatus, Status


class ControlSettingOut(Output):
    """One configured instance of a control."""

    source: Annotated[str, doc("rule:<id>, default, book:<id>, settings, agent:<id>, built-in")]
    scope: Annotated[str, doc("global, account, agent:<id>, strategy:<id>, book, platform")]
    action: Annotated[str, doc("block, reduce, hold or warn for a rule; empty otherwise")]
    values: Annotated[dict[str, str], doc("Its parameters as text (numbers as decimal strings)")]


class ControlTestOut(Output):
    """The last kill-switch drill that reached the account (a book: any of its members)."""

    target: Annotated[str, doc("The route it drilled: paper, or a venue connection's id")]
    at: datetime
    passed: bool

    @classmethod
    def from_record(cls, record: DrillRecord) -> ControlTestOut:
        return cls(target=record.target, at=record.at, passed=record.passed)


class ControlOut(Output):
    """A control named by the requirement, as configured for the account or book."""

    control: ControlKind
    configured: Annotated[
        Coverage, doc("full: binds every order; partial: some, or warns; none; not_applicable")
    ]
    settings: list[ControlSettingOut]
    note: str
    last_breach: Annotated[
        datetime | None, doc("The latest denial with its reason code among those read; null: none")
    ]
    last_test: Annotated[
        ControlTestOut | None, doc("The kill switch's latest drill on record; null: never drilled")
    ]

    @classmethod
    def from_finding(cls, finding: ControlFinding) -> ControlOut:
        return cls(
            control=finding.kind,
            configured=finding.coverage,
            settings=[
                ControlSettingOut(
                    source=s.source, scope=s.scope, action=s.action, values=dict(s.values)
                )
                for s in finding.settings
            ],
            note=finding.note,
            last_breach=finding.last_breach,
            last_test=None
            if finding.last_test is None
            else ControlTestOut.from_record(finding.last_test),
        )


class RequirementPartOut(Output):
    """A part of the requirement and its state (met, not_applicable, partial, unmet)."""

    text: str
    state: ElementState
    controls: list[ControlKind]


class RequirementOut(Output):
    """A requirement judged for the account or book."""

    id: str
    regime: str
    citation: str
    title: str
    source: str
    status: Status
    gaps: Annotated[list[str], doc("Each part short of met, and what Bulwark does not cover")]
    parts: list[RequirementPartOut]
    controls: list[ControlOut]

    @classmethod
    def from_status(cls, judged: RequirementStatus) -> RequirementOut:
        r = judged.requirement
        return cls(
            id=r.id,
            regime=r.regime.value,
            citation=r.citation,
            title=r.title,
            source=r.source,
            status=judged.status,
            gaps=list(judged.gaps),
            parts=[
                RequirementPartOut(text=e.text, state=e.state, controls=list(e.controls))
                for e in judged.elements
            ],
            controls=[ControlOut.from_finding(f) for f in judged.findings],
        )


class AccountControlsOut(Output):
    """One account's requirements."""

    account_id: str
    owner_id: str
    name: str
    books: list[str]
    met: int
    partly_met: int
    gap: int
    requirements: list[RequirementOut]

    @classmethod
    def from_inventory(cls, found: AccountInventory) -> AccountControlsOut:
        return cls(
            account_id=found.account_id,
            owner_id=found.owner_id,
            name=found.name,
            books=list(found.books),
            met=found.count(Status.MET),
            partly_met=found.count(Status.PARTLY_MET),
            gap=found.count(Status.GAP),
            requirements=[RequirementOut.from_status(r) for r in found.requirements],
        )


class BookControlsOut(Output):
    """One book's own part of the requirements (its limits and its kill switch scope)."""

    book_id: str
    owner_id: str
    name: str
    members: list[str]
    met: int
    partly_met: int
    gap: int
    requirements: list[RequirementOut]

    @classmethod
    def from_inventory(cls, found: BookInventory) -> BookControlsOut:
        return cls(
            book_id=found.book_id,
            owner_id=found.owner_id,
            name=found.name,
            members=list(found.members),
            met=found.count(Status.MET),
            partly_met=found.count(Status.PARTLY_MET),
            gap=found.count(Status.GAP),
            requirements=[RequirementOut.from_status(r) for r in found.requirements],
        )


class ControlInventoryOut(Output):
    """The control inventory: each account's and each book's requirements."""

    generated_at: datetime
    denials_read: Annotated[int, doc("How many of each account's latest denials were read")]
    truncated: Annotated[bool, doc("More accounts or books matched: narrow with owner_id")]
    accounts: list[AccountControlsOut]
    books: list[BookControlsOut]

    @classmethod
    def from_inventory(cls, found: Inventory) -> ControlInventoryOut:
        return cls(
            generated_at=found.generated_at,
            denials_read=found.denials_read,
            truncated=found.truncated,
            accounts=[AccountControlsOut.from_inventory(a) for a in found.accounts],
            books=[BookControlsOut.from_inventory(b) for b in found.books],
        )
