from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TailOut")



@_attrs_define
class TailOut:
    """ 
        Attributes:
            confidence (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            cvar (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            plain_probability (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            plain_standard_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            probability (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            standard_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            threshold (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            var (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            variance_ratio (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    confidence: float
    cvar: float
    plain_probability: float
    plain_standard_error: float
    probability: float
    standard_error: float
    threshold: float
    var: float
    variance_ratio: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        cvar = self.cvar

        plain_probability = self.plain_probability

        plain_standard_error = self.plain_standard_error

        probability = self.probability

        standard_error = self.standard_error

        threshold = self.threshold

        var = self.var

        variance_ratio = self.variance_ratio


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "confidence": confidence,
            "cvar": cvar,
            "plain_probability": plain_probability,
            "plain_standard_error": plain_standard_error,
            "probability": probability,
            "standard_error": standard_error,
            "threshold": threshold,
            "var": var,
            "variance_ratio": variance_ratio,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confidence = d.pop("confidence")

        cvar = d.pop("cvar")

        plain_probability = d.pop("plain_probability")

        plain_standard_error = d.pop("plain_standard_error")

        probability = d.pop("probability")

        standard_error = d.pop("standard_error")

        threshold = d.pop("threshold")

        var = d.pop("var")

        variance_ratio = d.pop("variance_ratio")

        tail_out = cls(
            confidence=confidence,
            cvar=cvar,
            plain_probability=plain_probability,
            plain_standard_error=plain_standard_error,
            probability=probability,
            standard_error=standard_error,
            threshold=threshold,
            var=var,
            variance_ratio=variance_ratio,
        )


        tail_out.additional_properties = d
        return tail_out

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
