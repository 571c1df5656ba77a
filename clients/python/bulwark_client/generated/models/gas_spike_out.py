from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="GasSpikeOut")



@_attrs_define
class GasSpikeOut:
    """ 
        Attributes:
            at (datetime.datetime):
            gwei (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mean (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            std (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            z (float | None):
     """

    at: datetime.datetime
    gwei: float
    mean: float
    std: float
    z: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        gwei = self.gwei

        mean = self.mean

        std = self.std

        z: float | None
        z = self.z


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "gwei": gwei,
            "mean": mean,
            "std": std,
            "z": z,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        gwei = d.pop("gwei")

        mean = d.pop("mean")

        std = d.pop("std")

        def _parse_z(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        z = _parse_z(d.pop("z"))


        gas_spike_out = cls(
            at=at,
            gwei=gwei,
            mean=mean,
            std=std,
            z=z,
        )


        gas_spike_out.additional_properties = d
        return gas_spike_out

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
