from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BondTotalsOut")



@_attrs_define
class BondTotalsOut:
    """ 
        Attributes:
            accrued_amount (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            convexity (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            dv01 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            first_maturity (datetime.date):
            last_maturity (datetime.date):
            macaulay_duration (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            market_value (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            modified_duration (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            total_face (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            weighted_average_life (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            yield_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    accrued_amount: float
    convexity: float
    dv01: float
    first_maturity: datetime.date
    last_maturity: datetime.date
    macaulay_duration: float
    market_value: float
    modified_duration: float
    total_face: float
    weighted_average_life: float
    yield_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accrued_amount = self.accrued_amount

        convexity = self.convexity

        dv01 = self.dv01

        first_maturity = self.first_maturity.isoformat()

        last_maturity = self.last_maturity.isoformat()

        macaulay_duration = self.macaulay_duration

        market_value = self.market_value

        modified_duration = self.modified_duration

        total_face = self.total_face

        weighted_average_life = self.weighted_average_life

        yield_rate = self.yield_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accrued_amount": accrued_amount,
            "convexity": convexity,
            "dv01": dv01,
            "first_maturity": first_maturity,
            "last_maturity": last_maturity,
            "macaulay_duration": macaulay_duration,
            "market_value": market_value,
            "modified_duration": modified_duration,
            "total_face": total_face,
            "weighted_average_life": weighted_average_life,
            "yield_rate": yield_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accrued_amount = d.pop("accrued_amount")

        convexity = d.pop("convexity")

        dv01 = d.pop("dv01")

        first_maturity = datetime.date.fromisoformat(d.pop("first_maturity"))




        last_maturity = datetime.date.fromisoformat(d.pop("last_maturity"))




        macaulay_duration = d.pop("macaulay_duration")

        market_value = d.pop("market_value")

        modified_duration = d.pop("modified_duration")

        total_face = d.pop("total_face")

        weighted_average_life = d.pop("weighted_average_life")

        yield_rate = d.pop("yield_rate")

        bond_totals_out = cls(
            accrued_amount=accrued_amount,
            convexity=convexity,
            dv01=dv01,
            first_maturity=first_maturity,
            last_maturity=last_maturity,
            macaulay_duration=macaulay_duration,
            market_value=market_value,
            modified_duration=modified_duration,
            total_face=total_face,
            weighted_average_life=weighted_average_life,
            yield_rate=yield_rate,
        )


        bond_totals_out.additional_properties = d
        return bond_totals_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
