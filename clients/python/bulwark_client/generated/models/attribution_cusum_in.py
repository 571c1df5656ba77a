from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AttributionCusumIn")



@_attrs_define
class AttributionCusumIn:
    """ 
        Attributes:
            h (float | Unset): Decision interval in units of sigma, > 0 Default: 5.0.
            k (float | Unset): Slack in units of sigma, >= 0 Default: 0.5.
            sigma (float | None | Unset): Std of the active return per period, fraction > 0; null: moving-range estimate
            target (float | Unset): Target mean active return per period, fraction Default: 0.0.
     """

    h: float | Unset = 5.0
    k: float | Unset = 0.5
    sigma: float | None | Unset = UNSET
    target: float | Unset = 0.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        h = self.h

        k = self.k

        sigma: float | None | Unset
        if isinstance(self.sigma, Unset):
            sigma = UNSET
        else:
            sigma = self.sigma

        target = self.target


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if h is not UNSET:
            field_dict["h"] = h
        if k is not UNSET:
            field_dict["k"] = k
        if sigma is not UNSET:
            field_dict["sigma"] = sigma
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        h = d.pop("h", UNSET)

        k = d.pop("k", UNSET)

        def _parse_sigma(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sigma = _parse_sigma(d.pop("sigma", UNSET))


        target = d.pop("target", UNSET)

        attribution_cusum_in = cls(
            h=h,
            k=k,
            sigma=sigma,
            target=target,
        )


        attribution_cusum_in.additional_properties = d
        return attribution_cusum_in

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
