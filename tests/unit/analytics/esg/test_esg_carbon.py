"""Carbon figures worked by hand: WACI (TCFD), financed emissions (PCAF), footprint, quality."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.analytics.esg.carbon import carbon
from domain.analytics.esg.model import EsgHolding, EsgRecord

D = Decimal


def issuer(symbol: str, s1: str | None, s2: str | None, revenue: str | None, evic: str | None,
           quality: int | None = None) -> EsgRecord:  # fmt: skip
    return EsgRecord(
        symbol, symbol, "Sector", date(2025, 6, 30),
        scope1_tco2e=None if s1 is None else D(s1),
        scope2_tco2e=None if s2 is None else D(s2),
        revenue_musd=None if revenue is None else D(revenue),
        evic_musd=None if evic is None else D(evic),
        pcaf_quality=quality,
    )  # fmt: skip


RECORDS = {
    # 1,000 t over $100M revenue: 10 t/$M; EVIC $500M
    "LOW": issuer("LOW", "600", "400", "100", "500", quality=2),
    # 90,000 t over $300M revenue: 300 t/$M; EVIC $1,000M
    "HIGH": issuer("HIGH", "80000", "10000", "300", "1000", quality=4),
    "NOEM": issuer("NOEM", None, "5", "50", "50", quality=1),  # no scope 1: no emissions
}


def test_carbon_worked_by_hand() -> None:
    # Arrange: $3M of LOW, $1M of HIGH, $1M of NOEM (total $5M)
    holdings = [
        EsgHolding("LOW", D(3_000_000)),
        EsgHolding("HIGH", D(1_000_000)),
        EsgHolding("NOEM", D(1_000_000)),
    ]

    # Act
    report = carbon(holdings, RECORDS)

    # Assert: WACI over LOW and HIGH ($4M): 0.75 x 10 + 0.25 x 300 = 82.5 t/$M revenue
    assert report.waci == D("82.5")
    assert report.waci_coverage.by_value == D("0.8") and report.waci_coverage.count == 2
    # financed: LOW 3M/500M x 1,000 = 6 t; HIGH 1M/1,000M x 90,000 = 90 t -> 96 t
    assert report.financed_emissions == D(96)
    low = report.holdings[0]
    assert (low.attribution_factor, low.financed_tco2e, low.intensity) == (D("0.006"), D(6), D(10))
    # footprint: 96 t over $4M invested = 24 t/$M; PCAF quality (3 x 2 + 1 x 4) / 4 = 2.5
    assert report.carbon_footprint == D(24) and report.pcaf_quality == D("2.5")
    assert report.holdings[2].emissions_tco2e is None


def test_a_holding_worth_more_than_the_issuer_is_flagged() -> None:
    # Act: $600M of an issuer whose EVIC is $500M (bad data)
    report = carbon([EsgHolding("LOW", D(600_000_000))], RECORDS)

    # Assert
    assert report.attribution_above_one == ("LOW",)
    assert report.financed_emissions == D(1200)  # AF 1.2 x 1,000 t, flagged, not capped


def test_without_any_data_there_is_no_figure() -> None:
    report = carbon([EsgHolding("UNKNOWN", D(1))], RECORDS)
    assert (report.waci, report.financed_emissions, report.carbon_footprint) == (None, None, None)
    assert report.pcaf_quality is None and report.financed_coverage.by_value == 0
