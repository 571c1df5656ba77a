from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AutopilotLimitsIn")



@_attrs_define
class AutopilotLimitsIn:
    """ 
        Attributes:
            max_realised_gain (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5"
            max_turnover (str): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
     """

    max_realised_gain: str
    max_turnover: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        max_realised_gain = self.max_realised_gain

        max_turnover = self.max_turnover


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "max_realised_gain": max_realised_gain,
            "max_turnover": max_turnover,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_realised_gain = d.pop("max_realised_gain")

        max_turnover = d.pop("max_turnover")

        autopilot_limits_in = cls(
            max_realised_gain=max_realised_gain,
            max_turnover=max_turnover,
        )


        autopilot_limits_in.additional_properties = d
        return autopilot_limits_in

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
