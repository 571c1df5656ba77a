from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DriftOut")



@_attrs_define
class DriftOut:
    """ 
        Attributes:
            feature (None | str):
            psi (float | None):
            reference_count (int):
     """

    feature: None | str
    psi: float | None
    reference_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        feature: None | str
        feature = self.feature

        psi: float | None
        psi = self.psi

        reference_count = self.reference_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "feature": feature,
            "psi": psi,
            "reference_count": reference_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_feature(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        feature = _parse_feature(d.pop("feature"))


        def _parse_psi(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        psi = _parse_psi(d.pop("psi"))


        reference_count = d.pop("reference_count")

        drift_out = cls(
            feature=feature,
            psi=psi,
            reference_count=reference_count,
        )


        drift_out.additional_properties = d
        return drift_out

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
