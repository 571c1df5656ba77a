"""domain/analytics/compliance/form13f.py with the XSD (adapters/sec13f): a document by hand,
validated against the schema, and broken ones refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from adapters.sec13f.xsd import XsdInformationTableSchema
from domain.analytics.compliance.filing_calendar import InvalidFilingInput
from domain.analytics.compliance.form13f import (
    AmountType,
    Discretion,
    Holding13F,
    InvalidCusip,
    PutCall,
    check_cusip,
    cusip_check_digit,
    filing_threshold,
    information_table,
    information_table_xml,
)
from ports.markets.sec13f import InvalidDocument

D = Decimal
NS = 'xmlns="http://www.sec.gov/edgar/document/thirteenf/informationtable"'


@pytest.fixture(scope="module")
def schema() -> XsdInformationTableSchema:
    return XsdInformationTableSchema()


def test_cusip_check_digits_by_hand() -> None:
    # Arrange: Apple 037833100: doubling every second character of 0 3 7 8 3 3 1 0 gives
    # 0 6 7 16 3 6 1 0; digits summed 0+6+7+1+6+3+6+1+0 = 30; (10 - 0) mod 10 = 0
    # Act / Assert
    assert cusip_check_digit("03783310") == 0
    assert cusip_check_digit("38259P50") == 8  # a letter counts as 10 + its place: P = 25
    assert check_cusip(" 02079k305 ", "c") == "02079K305"
    with pytest.raises(InvalidCusip) as refused:
        check_cusip("037833101", "holdings[0].cusip")
    assert refused.value.field == "holdings[0].cusip"


def test_an_information_table_by_hand_validates_against_the_schema(
    schema: XsdInformationTableSchema,
) -> None:
    # Arrange: Apple in two lots of sole discretion (combined), a call option on Apple, and
    # a shared-defined bond position in principal
    holdings = [
        Holding13F("APPLE INC", "COM", "037833100", D("1250000.49"), D("5000"),
                   figi="BBG000B9XRY4"),
        Holding13F("APPLE INC", "COM", "037833100", D("750000.25"), D("3000")),
        Holding13F("APPLE INC", "COM", "037833100", D("25000"), D("100"),
                   put_call=PutCall.CALL),
        Holding13F("MICROSOFT CORP", "NOTE 2.4% 08/08/26", "594918BR4", D("980400.50"),
                   D("1000000"), amount_type=AmountType.PRINCIPAL,
                   discretion=Discretion.DEFINED, other_manager="1,2", voting_none=D("1000000")),
    ]  # fmt: skip

    # Act
    table = information_table(holdings)
    document = information_table_xml(table)

    # Assert: the two sole lots are one row: 1,250,000.49 + 750,000.25 = 2,000,000.74 -> 2,000,001
    apple, apple_call, msft = table.entries
    assert (apple.value, apple.amount, apple.voting_sole, apple.figi) == (
        2_000_001, 8000, 8000, "BBG000B9XRY4",
    )  # fmt: skip
    assert (apple_call.put_call, apple_call.value) == (PutCall.CALL, 25000)
    assert (msft.value, msft.amount_type, msft.voting_none, msft.voting_sole) == (
        980_401, AmountType.PRINCIPAL, 1_000_000, 0,
    )  # fmt: skip
    assert (table.entry_total, table.value_total) == (3, 2_000_001 + 25_000 + 980_401)
    assert schema.violations(document) == []
    text = document.decode()
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>")
    assert "<putCall>Call</putCall>" in text and "<otherManager>1,2</otherManager>" in text


def test_a_broken_document_is_refused_with_the_path_at_fault(
    schema: XsdInformationTableSchema,
) -> None:
    # Arrange: a valid document, then the same with a bad discretion, a thousand-dollar
    # decimal value, a missing voting block, and an element the specification lacks
    table = information_table([Holding13F("APPLE INC", "COM", "037833100", D(100), D(1))])
    good = information_table_xml(table).decode()
    broken = {
        "discretion": good.replace(">SOLE<", ">ALONE<"),
        "decimal value": good.replace("<value>100</value>", "<value>100.5</value>"),
        "no voting": good[: good.index("<votingAuthority>")] + "</infoTable>\n</informationTable>",
        "unknown element": good.replace("<cusip>", "<ticker>AAPL</ticker><cusip>"),
        "empty table": f"<informationTable {NS}/>",
        "put in capitals": good.replace(
            "<investmentDiscretion>", "<putCall>PUT</putCall><investmentDiscretion>"
        ),
    }

    # Act
    found = {name: schema.violations(doc.encode()) for name, doc in broken.items()}

    # Assert
    assert all(found.values()), found
    assert found["discretion"][0].path == "/informationTable/infoTable[1]/investmentDiscretion"
    assert "value" in found["decimal value"][0].path


def test_documents_that_are_not_safe_xml_are_refused(schema: XsdInformationTableSchema) -> None:
    # Arrange: an entity declaration (billion laughs' first step) and a truncated document
    entity = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><informationTable {NS}/>'

    # Act / Assert
    with pytest.raises(InvalidDocument):
        schema.violations(entity.encode())
    with pytest.raises(InvalidDocument):
        schema.violations(b"<informationTable")


def test_holdings_the_specification_cannot_carry_are_refused_naming_the_row() -> None:
    # Act / Assert
    with pytest.raises(InvalidFilingInput) as name:
        information_table([Holding13F("APPLE INC \u2122", "COM", "037833100", D(1), D(1))])
    assert name.value.field == "holdings[0].name_of_issuer"
    with pytest.raises(InvalidFilingInput) as negative:
        information_table([Holding13F("A", "COM", "037833100", D(-1), D(1))])
    assert negative.value.field == "holdings[0].market_value"
    with pytest.raises(InvalidFilingInput) as managers:
        information_table([Holding13F("A", "COM", "037833100", D(1), D(1), other_manager="x")])
    assert managers.value.field == "holdings[0].other_manager"
    with pytest.raises(InvalidFilingInput):
        information_table([])


def test_the_100_million_threshold_by_hand() -> None:
    # Arrange: 13(f) securities worth 95M at the end of May 2024, 101M at the end of June
    values = {date(2024, 5, 31): D("95000000"), date(2024, 6, 28): D("101000000")}

    # Act
    check = filing_threshold(values)
    below = filing_threshold({date(2024, 5, 31): D("99999999.99")})

    # Assert: met in June 2024 -> 13F for 2024 Q4 and 2025 Q1, Q2, Q3
    assert check.met and check.first_month_end == date(2024, 6, 28)
    assert check.required_quarters == ((2024, 4), (2025, 1), (2025, 2), (2025, 3))
    assert not below.met and below.required_quarters == ()


def test_control_characters_in_a_class_title_are_refused_before_any_xml() -> None:
    # Act / Assert: U+0001 is not a character XML 1.0 can carry
    with pytest.raises(InvalidFilingInput) as refused:
        information_table([Holding13F("A", "COM\x01", "037833100", D(1), D(1))])
    assert refused.value.field == "holdings[0].title_of_class"
