"""A bond instrument's terms (domain/fixedincome/terms.py) and the instrument that carries them:
each bad term refused with INVALID_BOND_TERMS naming it, a bond without terms or with another
multiplier than 1 refused, terms on anything but a bond refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from domain.fixedincome.daycount import DayCount
from domain.fixedincome.errors import InvalidBondTerms
from domain.fixedincome.terms import BondTerms, bond_terms
from domain.trading.instruments import AssetClass, Instrument

D = Decimal
TERMS = BondTerms(
    D(1000), D("0.045"), 2, date(2024, 3, 1), date(2034, 3, 1), DayCount.THIRTY_360_US
)


def test_good_terms_make_a_bond_whose_lot_is_one_bond_in_hundreds_of_face() -> None:
    # Act
    made = bond_terms(
        face_value=D(1000), coupon_rate=D("0.045"), frequency=2, issue_date=date(2024, 3, 1),
        maturity=date(2034, 3, 1), day_count="30/360 US",
    )  # fmt: skip
    bond = Instrument("T-2034", AssetClass.BOND, lot_size=made.lot_size, bond=made)

    # Assert
    assert made == TERMS
    assert made.lot_size == D(10)  # 1,000 of face = 10 units of 100
    assert bond.bond is made and bond.multiplier == D(1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"face_value": D(0)}, "bond.face_value"),
        ({"face_value": D("-100")}, "bond.face_value"),
        ({"face_value": D("NaN")}, "bond.face_value"),
        ({"coupon_rate": D("-0.01")}, "bond.coupon_rate"),
        ({"coupon_rate": D("1.5")}, "bond.coupon_rate"),
        ({"frequency": 3}, "bond.frequency"),
        ({"frequency": 12}, "bond.frequency"),
        ({"maturity": date(2024, 3, 1)}, "bond.maturity"),  # not after issue
        ({"maturity": date(2023, 1, 1)}, "bond.maturity"),
        ({"maturity": date(2125, 3, 1)}, "bond.maturity"),  # beyond 100 years
    ],
)
def test_a_bad_term_is_refused_naming_it(change: dict[str, Any], field: str) -> None:
    # Act
    with pytest.raises(InvalidBondTerms) as caught:
        replace(TERMS, **change)

    # Assert
    assert (caught.value.code, caught.value.field) == ("INVALID_BOND_TERMS", field)


def test_an_unknown_day_count_is_refused_naming_it() -> None:
    # Act
    with pytest.raises(InvalidBondTerms) as caught:
        bond_terms(
            face_value=D(1000), coupon_rate=D("0.045"), frequency=2, issue_date=date(2024, 3, 1),
            maturity=date(2034, 3, 1), day_count="ACT/360",
        )  # fmt: skip

    # Assert
    assert caught.value.field == "bond.day_count"
    assert "30/360 US" in caught.value.message


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"asset_class": AssetClass.BOND}, "bond"),  # a bond without its terms
        ({"asset_class": AssetClass.BOND, "bond": TERMS, "multiplier": D(10)}, "multiplier"),
        ({"asset_class": AssetClass.EQUITY, "bond": TERMS}, "asset_class"),
    ],
)
def test_an_instrument_and_its_terms_must_agree(kwargs: dict[str, Any], field: str) -> None:
    # Act
    with pytest.raises(InvalidBondTerms) as caught:
        Instrument("T-2034", **kwargs)

    # Assert
    assert (caught.value.code, caught.value.field) == ("INVALID_BOND_TERMS", field)
