from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HoldingShockOut")



@_attrs_define
class HoldingShockOut:
    """ 
        Attributes:
            duration_convexity_estimate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal
                places
            duration_estimate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            estimate_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            full_change (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            shift_bp (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    duration_convexity_estimate: float
    duration_estimate: float
    estimate_error: float
    full_change: float
    shift_bp: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        duration_convexity_estimate = self.duration_convexity_estimate

        duration_estimate = self.duration_estimate

        estimate_error = self.estimate_error

        full_change = self.full_change

        shift_bp = self.shift_bp


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "duration_convexity_estimate": duration_convexity_estimate,
            "duration_estimate": duration_estimate,
            "estimate_error": estimate_error,
            "full_change": full_change,
            "shift_bp": shift_bp,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duration_convexity_estimate = d.pop("duration_convexity_estimate")

        duration_estimate = d.pop("duration_estimate")

        estimate_error = d.pop("estimate_error")

        full_change = d.pop("full_change")

        shift_bp = d.pop("shift_bp")

        holding_shock_out = cls(
            duration_convexity_estimate=duration_convexity_estimate,
            duration_estimate=duration_estimate,
            estimate_error=estimate_error,
            full_change=full_change,
            shift_bp=shift_bp,
        )


        holding_shock_out.additional_properties = d
        return holding_shock_out

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
