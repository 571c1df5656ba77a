"""A regulatory requirement as data: its citation, the parts Bulwark's controls meet, and the
parts no Bulwark control covers (stated, so no report can claim them)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.compliance.controls import ControlKind


class Regime(StrEnum):
    """The body of rules a requirement comes from."""

    SEC_15C3_5 = "SEC Rule 15c3-5"
    FINRA_15_09 = "FINRA Regulatory Notice 15-09"
    MIFID_RTS_6 = "MiFID II RTS 6"
    FINRA_2026_AGENTS = "FINRA 2026 Oversight Report: AI agents"


@dataclass(frozen=True, slots=True)
class Element:
    """One part of a requirement, met by any one of `controls` configured for the account."""

    text: str
    controls: tuple[ControlKind, ...]

    def __post_init__(self) -> None:
        if not self.controls:
            raise ValueError(f"{self.text}: a part Bulwark does not cover is a gap, not an element")


@dataclass(frozen=True, slots=True)
class Requirement:
    """A requirement: `id` (stable), its `citation` and `title`, the `elements` Bulwark's
    controls meet, what Bulwark does `not_cover` at all, and the `source` of its text."""

    id: str
    regime: Regime
    citation: str
    title: str
    elements: tuple[Element, ...]
    not_covered: tuple[str, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        if not self.elements:
            raise ValueError(f"{self.id}: name at least one part a Bulwark control meets")

    @property
    def controls(self) -> tuple[ControlKind, ...]:
        """Every control that meets a part of it, in the order the parts name them."""
        return tuple(dict.fromkeys(kind for e in self.elements for kind in e.controls))
