from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CovarianceEstimateOut")



@_attrs_define
class CovarianceEstimateOut:
    """ 
        Attributes:
            estimator (str):
            observations (int | None):
            shrinkage (float | None):
     """

    estimator: str
    observations: int | None
    shrinkage: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        estimator = self.estimator

        observations: int | None
        observations = self.observations

        shrinkage: float | None
        shrinkage = self.shrinkage


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "estimator": estimator,
            "observations": observations,
            "shrinkage": shrinkage,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        estimator = d.pop("estimator")

        def _parse_observations(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        observations = _parse_observations(d.pop("observations"))


        def _parse_shrinkage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        shrinkage = _parse_shrinkage(d.pop("shrinkage"))


        covariance_estimate_out = cls(
            estimator=estimator,
            observations=observations,
            shrinkage=shrinkage,
        )


        covariance_estimate_out.additional_properties = d
        return covariance_estimate_out

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
