from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ValuationPointOut")



@_attrs_define
class ValuationPointOut:
    """ 
        Attributes:
            cash_flow (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            day (datetime.date):
            market_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    cash_flow: str
    day: datetime.date
    market_value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cash_flow = self.cash_flow

        day = self.day.isoformat()

        market_value = self.market_value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cash_flow": cash_flow,
            "day": day,
            "market_value": market_value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cash_flow = d.pop("cash_flow")

        day = datetime.date.fromisoformat(d.pop("day"))




        market_value = d.pop("market_value")

        valuation_point_out = cls(
            cash_flow=cash_flow,
            day=day,
            market_value=market_value,
        )


        valuation_point_out.additional_properties = d
        return valuation_point_out

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
