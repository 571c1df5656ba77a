"""A requirement's status for one account or book: met, partly met or gap, with the gaps named.

Each part of the requirement is judged by the findings of its controls:

- met: one of its controls binds every order (Coverage.FULL);
- not applicable: every one of its controls has nothing to do here (no agent trades the
  account, say): it counts as met, and says so;
- partial: none binds every order, but one binds some (an agent's orders) or warns;
- unmet: none is configured.

The requirement is **met** when every part is met (or not applicable) and nothing of it lies
outside Bulwark; **partly met** when at least one part is met or partial; a **gap** otherwise.
A part Bulwark does not cover at all (`Requirement.not_covered`) is always named, and keeps the
requirement from being met: nothing here claims more than the controls do.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from domain.compliance.controls import ControlFinding, ControlKind, Coverage
from domain.compliance.requirements import Element, Requirement


class Status(StrEnum):
    MET = "met"
    PARTLY_MET = "partly_met"
    GAP = "gap"


class ElementState(StrEnum):
    MET = "met"
    NOT_APPLICABLE = "not_applicable"
    PARTIAL = "partial"
    UNMET = "unmet"


@dataclass(frozen=True, slots=True)
class ElementStatus:
    """One part of a requirement: its state and the controls it was judged by."""

    text: str
    state: ElementState
    controls: tuple[ControlKind, ...]


@dataclass(frozen=True, slots=True)
class RequirementStatus:
    """A requirement judged for one account or book: its status, the gaps by name, each part's
    state, and the findings of every control it names."""

    requirement: Requirement
    status: Status
    gaps: tuple[str, ...]
    elements: tuple[ElementStatus, ...]
    findings: tuple[ControlFinding, ...]


def element_state(
    controls: Collection[ControlKind], found: Mapping[ControlKind, ControlFinding]
) -> ElementState:
    """The state of a part judged by `controls` (a control without a finding counts as NONE)."""
    coverages = [_coverage(k, found) for k in controls]
    if Coverage.FULL in coverages:
        return ElementState.MET
    if coverages and all(c is Coverage.NOT_APPLICABLE for c in coverages):
        return ElementState.NOT_APPLICABLE
    if Coverage.PARTIAL in coverages:
        return ElementState.PARTIAL
    return ElementState.UNMET


def assess(
    requirement: Requirement,
    found: Mapping[ControlKind, ControlFinding],
    *,
    only: Collection[ControlKind] | None = None,
) -> RequirementStatus | None:
    """The requirement's status from the findings. `only`: judge just the parts, and within
    them the controls, among these (a book's own controls; the other parts are named as judged
    elsewhere, and the requirement is then at most partly met); None when no part has one."""
    judged: list[tuple[Element, tuple[ControlKind, ...]]] = []
    elsewhere: list[str] = []
    for element in requirement.elements:
        kinds = (
            element.controls if only is None else tuple(k for k in element.controls if k in only)
        )
        if kinds:
            judged.append((element, kinds))
        else:
            elsewhere.append(element.text)
    if not judged:
        return None
    parts = tuple(ElementStatus(e.text, element_state(kinds, found), kinds) for e, kinds in judged)
    gaps = [_gap(part, found) for part in parts if part.state in _SHORT]
    gaps += [f"judged for each member account, not here: {text}" for text in elsewhere]
    gaps += [f"not covered by Bulwark: {text}" for text in requirement.not_covered]
    kinds_named = tuple(dict.fromkeys(k for _, kinds in judged for k in kinds))
    findings = tuple(found.get(k, ControlFinding(k, Coverage.NONE)) for k in kinds_named)
    status = _status(parts, requirement)
    if elsewhere and status is Status.MET:  # the other parts are not the book's to meet
        status = Status.PARTLY_MET
    return RequirementStatus(requirement, status, tuple(gaps), parts, findings)


_SHORT = frozenset({ElementState.PARTIAL, ElementState.UNMET})
_DONE = frozenset({ElementState.MET, ElementState.NOT_APPLICABLE})


def _status(parts: tuple[ElementStatus, ...], requirement: Requirement) -> Status:
    states = {p.state for p in parts}
    if states <= _DONE and not requirement.not_covered:
        return Status.MET
    if states & {ElementState.MET, ElementState.PARTIAL}:
        return Status.PARTLY_MET
    if states <= _DONE:  # every part not applicable, but something lies outside Bulwark
        return Status.PARTLY_MET
    return Status.GAP


def _gap(part: ElementStatus, found: Mapping[ControlKind, ControlFinding]) -> str:
    if part.state is ElementState.UNMET:
        missing = [k for k in part.controls if _coverage(k, found) is Coverage.NONE]
        why_not = dict.fromkeys(found[k].note for k in missing if k in found and found[k].note)
        why = f" ({'; '.join(why_not)})" if why_not else ""
        return f"{part.text}: no {' or '.join(k.value for k in missing)} configured{why}"
    notes = [
        f"{k.value} {found[k].note}".strip()
        for k in part.controls
        if _coverage(k, found) is Coverage.PARTIAL
    ]
    return f"{part.text}: only in part ({'; '.join(notes)})"


def _coverage(kind: ControlKind, found: Mapping[ControlKind, ControlFinding]) -> Coverage:
    return found[kind].coverage if kind in found else Coverage.NONE
