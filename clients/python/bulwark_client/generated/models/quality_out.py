from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="QualityOut")



@_attrs_define
class QualityOut:
    """ 
        Attributes:
            active_days (int):
            days (int):
            hit_rate (float | None):
            hits (int):
            ic (float | None):
            signal (str):
     """

    active_days: int
    days: int
    hit_rate: float | None
    hits: int
    ic: float | None
    signal: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active_days = self.active_days

        days = self.days

        hit_rate: float | None
        hit_rate = self.hit_rate

        hits = self.hits

        ic: float | None
        ic = self.ic

        signal = self.signal


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_days": active_days,
            "days": days,
            "hit_rate": hit_rate,
            "hits": hits,
            "ic": ic,
            "signal": signal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active_days = d.pop("active_days")

        days = d.pop("days")

        def _parse_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hit_rate = _parse_hit_rate(d.pop("hit_rate"))


        hits = d.pop("hits")

        def _parse_ic(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ic = _parse_ic(d.pop("ic"))


        signal = d.pop("signal")

        quality_out = cls(
            active_days=active_days,
            days=days,
            hit_rate=hit_rate,
            hits=hits,
            ic=ic,
            signal=signal,
        )


        quality_out.additional_properties = d
        return quality_out

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
