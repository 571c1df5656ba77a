from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CalendarSpreadOut")



@_attrs_define
class CalendarSpreadOut:
    """ 
        Attributes:
            days (int):
            far (str):
            near (str):
            roll_yield (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            spread (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            state (str):
     """

    days: int
    far: str
    near: str
    roll_yield: float
    spread: str
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        days = self.days

        far = self.far

        near = self.near

        roll_yield = self.roll_yield

        spread = self.spread

        state = self.state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "days": days,
            "far": far,
            "near": near,
            "roll_yield": roll_yield,
            "spread": spread,
            "state": state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = d.pop("days")

        far = d.pop("far")

        near = d.pop("near")

        roll_yield = d.pop("roll_yield")

        spread = d.pop("spread")

        state = d.pop("state")

        calendar_spread_out = cls(
            days=days,
            far=far,
            near=near,
            roll_yield=roll_yield,
            spread=spread,
            state=state,
        )


        calendar_spread_out.additional_properties = d
        return calendar_spread_out

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
