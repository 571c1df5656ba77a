from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ControlVariateOut")



@_attrs_define
class ControlVariateOut:
    """ 
        Attributes:
            coefficients (list[float]):
            estimate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            standard_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            standard_error_before (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            variance_ratio (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    coefficients: list[float]
    estimate: float
    standard_error: float
    standard_error_before: float
    variance_ratio: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        coefficients = self.coefficients



        estimate = self.estimate

        standard_error = self.standard_error

        standard_error_before = self.standard_error_before

        variance_ratio = self.variance_ratio


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "coefficients": coefficients,
            "estimate": estimate,
            "standard_error": standard_error,
            "standard_error_before": standard_error_before,
            "variance_ratio": variance_ratio,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coefficients = cast(list[float], d.pop("coefficients"))


        estimate = d.pop("estimate")

        standard_error = d.pop("standard_error")

        standard_error_before = d.pop("standard_error_before")

        variance_ratio = d.pop("variance_ratio")

        control_variate_out = cls(
            coefficients=coefficients,
            estimate=estimate,
            standard_error=standard_error,
            standard_error_before=standard_error_before,
            variance_ratio=variance_ratio,
        )


        control_variate_out.additional_properties = d
        return control_variate_out

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
