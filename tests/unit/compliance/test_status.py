"""A requirement's status from its controls' findings: met only when every part is met and
nothing lies outside Bulwark; partly met; a gap; the gaps named; a book judged on its part, at
most partly met."""

from __future__ import annotations

from domain.compliance.controls import ControlFinding, ControlKind, Coverage
from domain.compliance.requirements import Element, Regime, Requirement
from domain.compliance.status import ElementState, Status, assess

K = ControlKind


def requirement(*not_covered: str) -> Requirement:
    return Requirement(
        "test-req",
        Regime.SEC_15C3_5,
        "17 CFR 240.15c3-5(c)(1)(ii)",
        "Erroneous orders",
        (
            Element("price parameters", (K.PRICE_COLLAR,)),
            Element("size parameters", (K.MAX_ORDER_QUANTITY, K.MAX_ORDER_NOTIONAL)),
        ),
        not_covered,
    )


def found(**coverage: Coverage) -> dict[ControlKind, ControlFinding]:
    return {K(name): ControlFinding(K(name), c, note="note") for name, c in coverage.items()}


def test_every_part_met_is_met_and_names_no_gap() -> None:
    # Arrange
    findings = found(PRICE_COLLAR=Coverage.FULL, MAX_ORDER_NOTIONAL=Coverage.FULL)

    # Act
    judged = assess(requirement(), findings)

    # Assert
    assert judged is not None and judged.status is Status.MET and judged.gaps == ()
    assert [f.kind for f in judged.findings] == [
        K.PRICE_COLLAR, K.MAX_ORDER_QUANTITY, K.MAX_ORDER_NOTIONAL
    ]  # fmt: skip


def test_a_part_outside_bulwark_keeps_it_partly_met() -> None:
    findings = found(PRICE_COLLAR=Coverage.FULL, MAX_ORDER_QUANTITY=Coverage.FULL)

    judged = assess(requirement("a drop copy"), findings)

    assert judged is not None and judged.status is Status.PARTLY_MET
    assert judged.gaps == ("not covered by Bulwark: a drop copy",)


def test_a_part_unmet_makes_it_partly_met_and_is_named_with_its_controls() -> None:
    judged = assess(requirement(), found(MAX_ORDER_QUANTITY=Coverage.FULL))

    assert judged is not None and judged.status is Status.PARTLY_MET
    assert judged.gaps == ("price parameters: no PRICE_COLLAR configured",)


def test_nothing_configured_is_a_gap() -> None:
    judged = assess(requirement(), {})

    assert judged is not None and judged.status is Status.GAP
    assert len(judged.gaps) == 2
    assert all(f.coverage is Coverage.NONE for f in judged.findings)


def test_a_control_binding_only_some_orders_is_partial_with_its_note() -> None:
    findings = found(PRICE_COLLAR=Coverage.PARTIAL, MAX_ORDER_NOTIONAL=Coverage.FULL)

    judged = assess(requirement(), findings)

    assert judged is not None and judged.status is Status.PARTLY_MET
    assert judged.elements[0].state is ElementState.PARTIAL
    assert judged.gaps == ("price parameters: only in part (PRICE_COLLAR note)",)


def test_parts_not_applicable_count_as_met_but_alone_with_unmet_are_a_gap() -> None:
    # Arrange: all parts not applicable; then one not applicable and one unmet
    both = found(
        PRICE_COLLAR=Coverage.NOT_APPLICABLE,
        MAX_ORDER_QUANTITY=Coverage.NOT_APPLICABLE,
        MAX_ORDER_NOTIONAL=Coverage.NOT_APPLICABLE,
    )
    one = found(PRICE_COLLAR=Coverage.NOT_APPLICABLE)

    # Act
    vacuous, lacking = assess(requirement(), both), assess(requirement(), one)

    # Assert
    assert vacuous is not None and vacuous.status is Status.MET
    assert {e.state for e in vacuous.elements} == {ElementState.NOT_APPLICABLE}
    assert lacking is not None and lacking.status is Status.GAP


def test_a_book_is_judged_on_the_parts_its_own_controls_meet() -> None:
    # Arrange
    findings = found(MAX_ORDER_NOTIONAL=Coverage.FULL)

    # Act
    part = assess(requirement(), findings, only={K.MAX_ORDER_NOTIONAL})
    none = assess(requirement(), findings, only={K.KILL_SWITCH})

    # Assert
    assert part is not None and part.status is Status.PARTLY_MET  # the rest is not the book's
    assert [e.text for e in part.elements] == ["size parameters"]
    assert part.gaps == ("judged for each member account, not here: price parameters",)
    assert [f.kind for f in part.findings] == [K.MAX_ORDER_NOTIONAL]
    assert none is None
