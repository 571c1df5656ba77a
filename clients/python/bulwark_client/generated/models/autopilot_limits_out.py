from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AutopilotLimitsOut")



@_attrs_define
class AutopilotLimitsOut:
    """ 
        Attributes:
            max_realised_gain (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            max_turnover (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            updated_at (datetime.datetime):
     """

    max_realised_gain: str
    max_turnover: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        max_realised_gain = self.max_realised_gain

        max_turnover = self.max_turnover

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "max_realised_gain": max_realised_gain,
            "max_turnover": max_turnover,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_realised_gain = d.pop("max_realised_gain")

        max_turnover = d.pop("max_turnover")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        autopilot_limits_out = cls(
            max_realised_gain=max_realised_gain,
            max_turnover=max_turnover,
            updated_at=updated_at,
        )


        autopilot_limits_out.additional_properties = d
        return autopilot_limits_out

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
