"""Margin rates: defaults, validation and symbol > asset class > default precedence."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.margin import InvalidMarginRate, MarginRates, MarginSchedule
from domain.trading.instruments import AssetClass, Instrument

D = Decimal
FUTURE_RATES = MarginRates(D("0.10"), D("0.08"), D("0.09"))
ES_RATES = MarginRates(D("0.20"), D("0.15"), D("0.16"))


def test_default_rates_are_half_initial_and_quarter_or_thirty_percent_maintenance() -> None:
    # Act
    rates = MarginRates()

    # Assert
    assert rates.initial == D("0.50")
    assert rates.maintenance_long == D("0.25")
    assert rates.maintenance_short == D("0.30")
    assert rates.maintenance(D(10)) == D("0.25")
    assert rates.maintenance(D(-10)) == D("0.30")


@pytest.mark.parametrize("bad", [D(0), D("-0.1"), D("1.0001"), D("NaN"), D("Infinity")])
@pytest.mark.parametrize("field", ["initial", "maintenance_long", "maintenance_short"])
def test_rates_outside_zero_to_one_are_rejected(field: str, bad: Decimal) -> None:
    # Act / Assert
    with pytest.raises(InvalidMarginRate) as caught:
        MarginRates(**{field: bad})
    assert isinstance(caught.value, DomainError)
    assert caught.value.code == "INVALID_MARGIN_RATE"


def test_a_rate_of_exactly_one_is_allowed() -> None:
    # Act
    rates = MarginRates(D(1), D(1), D(1))

    # Assert
    assert rates.initial == D(1)


def test_symbol_override_beats_asset_class_override_beats_default() -> None:
    # Arrange
    schedule = MarginSchedule(
        by_asset_class={AssetClass.FUTURE: FUTURE_RATES},
        by_symbol={"ES": ES_RATES},
    )
    es = Instrument("ES", asset_class=AssetClass.FUTURE, multiplier=D(50))
    nq = Instrument("NQ", asset_class=AssetClass.FUTURE, multiplier=D(20))
    aapl = Instrument("AAPL")

    # Act / Assert
    assert schedule.rates_for(es) is ES_RATES
    assert schedule.rates_for(nq) is FUTURE_RATES
    assert schedule.rates_for(aapl) == MarginRates()


def test_symbol_override_applies_whatever_the_asset_class() -> None:
    # Arrange
    schedule = MarginSchedule(by_symbol={"AAPL": ES_RATES})

    # Act / Assert
    assert schedule.rates_for(Instrument("AAPL")) is ES_RATES
    assert schedule.rates_for(Instrument("MSFT")) == MarginRates()


def test_schedule_copies_its_overrides_so_later_edits_do_not_leak_in() -> None:
    # Arrange
    overrides = {"AAPL": ES_RATES}
    schedule = MarginSchedule(by_symbol=overrides)

    # Act
    overrides["MSFT"] = ES_RATES

    # Assert
    assert schedule.rates_for(Instrument("MSFT")) == MarginRates()
    with pytest.raises(TypeError):
        schedule.by_symbol["MSFT"] = ES_RATES  # type: ignore[index]
