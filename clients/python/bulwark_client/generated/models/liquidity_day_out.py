from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LiquidityDayOut")



@_attrs_define
class LiquidityDayOut:
    """ 
        Attributes:
            cumulative_obligations (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            cumulative_raised (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            day (int):
            obligation (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            raised (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            surplus (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    cumulative_obligations: str
    cumulative_raised: str
    day: int
    obligation: str
    raised: str
    surplus: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cumulative_obligations = self.cumulative_obligations

        cumulative_raised = self.cumulative_raised

        day = self.day

        obligation = self.obligation

        raised = self.raised

        surplus = self.surplus


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cumulative_obligations": cumulative_obligations,
            "cumulative_raised": cumulative_raised,
            "day": day,
            "obligation": obligation,
            "raised": raised,
            "surplus": surplus,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cumulative_obligations = d.pop("cumulative_obligations")

        cumulative_raised = d.pop("cumulative_raised")

        day = d.pop("day")

        obligation = d.pop("obligation")

        raised = d.pop("raised")

        surplus = d.pop("surplus")

        liquidity_day_out = cls(
            cumulative_obligations=cumulative_obligations,
            cumulative_raised=cumulative_raised,
            day=day,
            obligation=obligation,
            raised=raised,
            surplus=surplus,
        )


        liquidity_day_out.additional_properties = d
        return liquidity_day_out

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
