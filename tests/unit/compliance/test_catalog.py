"""The mapping as data: every requirement the inventory promises is there with its citation and
source, every control it names exists and every rule type is a control, and the parts Bulwark
does not cover are stated."""

from __future__ import annotations

from domain.books.limits import BookLimitKind
from domain.compliance.catalog import BY_ID, CATALOG
from domain.compliance.controls import BOOK_CONTROLS, BREACH_CODES, RULE_CONTROLS, ControlKind
from domain.compliance.requirements import Regime
from domain.risk.reasons import ReasonCode
from domain.risk.rules import RuleType


def test_every_requirement_asked_for_is_in_the_catalog_once() -> None:
    # Arrange
    expected = {
        "sec-15c3-5-c1i", "sec-15c3-5-c1ii", "sec-15c3-5-c2",
        "finra-15-09-risk-assessment", "finra-15-09-development", "finra-15-09-testing",
        "finra-15-09-trading-systems", "finra-15-09-compliance",
        "rts6-art12", "rts6-art13", "rts6-art15", "rts6-art16", "rts6-art17",
        "finra-2026-agents-human-validation", "finra-2026-agents-scope",
        "finra-2026-agents-auditability",
    }  # fmt: skip

    # Act
    ids = [r.id for r in CATALOG]

    # Assert
    assert set(ids) == expected and len(ids) == len(set(ids)) == len(BY_ID)
    assert {r.regime for r in CATALOG} == set(Regime)
    assert all(r.citation and r.title and r.source.startswith("https://") for r in CATALOG)


def test_the_citations_name_the_sections() -> None:
    assert BY_ID["sec-15c3-5-c1i"].citation == "17 CFR 240.15c3-5(c)(1)(i)"
    assert BY_ID["sec-15c3-5-c1ii"].citation == "17 CFR 240.15c3-5(c)(1)(ii)"
    assert BY_ID["sec-15c3-5-c2"].citation == "17 CFR 240.15c3-5(c)(2)"
    for article in (12, 13, 15, 16, 17):
        assert BY_ID[f"rts6-art{article}"].citation.endswith(f"2017/589, Art. {article}")


def test_the_controls_the_brief_names_meet_their_requirements() -> None:
    c = ControlKind
    assert {c.BUYING_POWER, c.MAX_ORDER_NOTIONAL, c.GROSS_EXPOSURE, c.MAX_LEVERAGE,
            c.MAX_DAILY_LOSS} <= set(BY_ID["sec-15c3-5-c1i"].controls)  # fmt: skip
    assert set(BY_ID["sec-15c3-5-c1ii"].controls) == {
        c.PRICE_COLLAR,
        c.MAX_ORDER_QUANTITY,
        c.MAX_ORDER_NOTIONAL,
        c.DUPLICATE_ORDER,
    }
    assert {c.RESTRICTED_SYMBOLS, c.TRADING_HOURS, c.PATTERN_DAY_TRADER, c.OPTIONS_LEVEL,
            c.SELF_MATCH} <= set(BY_ID["sec-15c3-5-c2"].controls)  # fmt: skip
    assert set(BY_ID["rts6-art15"].controls) == {
        c.PRICE_COLLAR,
        c.MAX_ORDER_NOTIONAL,
        c.MAX_ORDER_QUANTITY,
        c.ORDER_RATE,
        c.EXECUTION_THROTTLE,
    }
    assert c.DROP_COPY in BY_ID["sec-15c3-5-c2"].controls
    assert c.KILL_SWITCH in BY_ID["rts6-art12"].controls
    assert c.HELD_ORDER_APPROVAL in BY_ID["finra-2026-agents-human-validation"].controls
    assert c.AUDIT_CHAIN in BY_ID["finra-2026-agents-auditability"].controls


def test_what_bulwark_does_not_cover_is_stated_as_a_gap() -> None:
    art15 = " ".join(BY_ID["rts6-art15"].not_covered)
    assert "modifications and cancellations" in art15
    assert "not executions" in art15  # the throttle counts ORDER_RATE denials
    assert any("strategy" in gap for gap in BY_ID["rts6-art12"].not_covered)


def test_the_throttle_and_the_drop_copy_are_parts_no_longer_gaps() -> None:
    # Arrange
    art15, c2 = BY_ID["rts6-art15"], BY_ID["sec-15c3-5-c2"]

    # Act
    throttle = next(e for e in art15.elements if "Art. 15(3)" in e.text)
    reports = next(e for e in c2.elements if "(c)(2)(iv)" in e.text)

    # Assert
    assert throttle.controls == (ControlKind.EXECUTION_THROTTLE,)
    assert reports.controls == (ControlKind.DROP_COPY,)
    assert not any("drop copy" in gap for gap in c2.not_covered)
    assert not any("not in this Bulwark" in gap for gap in art15.not_covered)
    assert ControlKind.DROP_COPY in BY_ID["finra-15-09-compliance"].controls
    assert ControlKind.DROP_COPY in BY_ID["rts6-art16"].controls


def test_every_rule_type_and_book_limit_is_a_control_with_its_reason_codes() -> None:
    # Act
    kinds = {k for r in CATALOG for k in r.controls}

    # Assert
    assert set(RULE_CONTROLS) == set(RuleType)
    assert set(BOOK_CONTROLS) == set(BookLimitKind)
    assert all(kind in BREACH_CODES for kind in RULE_CONTROLS.values())
    assert all(code in {*ReasonCode} for codes in BREACH_CODES.values() for code in codes)
    assert kinds <= set(ControlKind)
    assert BREACH_CODES[ControlKind.TRADING_HOURS] == (
        "OUTSIDE_TRADING_HOURS", "MARKET_CLOSED", "MARKET_HOLIDAY", "MARKET_EARLY_CLOSE"
    )  # fmt: skip
