from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GexStrikeOut")



@_attrs_define
class GexStrikeOut:
    """ 
        Attributes:
            calls (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            net (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            puts (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            strike (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    calls: float
    net: float
    puts: float
    strike: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        calls = self.calls

        net = self.net

        puts = self.puts

        strike = self.strike


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calls": calls,
            "net": net,
            "puts": puts,
            "strike": strike,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        calls = d.pop("calls")

        net = d.pop("net")

        puts = d.pop("puts")

        strike = d.pop("strike")

        gex_strike_out = cls(
            calls=calls,
            net=net,
            puts=puts,
            strike=strike,
        )


        gex_strike_out.additional_properties = d
        return gex_strike_out

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
