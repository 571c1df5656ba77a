from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MomentsOut")



@_attrs_define
class MomentsOut:
    """ 
        Attributes:
            excess_kurtosis (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mean (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            skewness (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            std (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    excess_kurtosis: float
    mean: float
    skewness: float
    std: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        excess_kurtosis = self.excess_kurtosis

        mean = self.mean

        skewness = self.skewness

        std = self.std


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "excess_kurtosis": excess_kurtosis,
            "mean": mean,
            "skewness": skewness,
            "std": std,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        excess_kurtosis = d.pop("excess_kurtosis")

        mean = d.pop("mean")

        skewness = d.pop("skewness")

        std = d.pop("std")

        moments_out = cls(
            excess_kurtosis=excess_kurtosis,
            mean=mean,
            skewness=skewness,
            std=std,
        )


        moments_out.additional_properties = d
        return moments_out

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
