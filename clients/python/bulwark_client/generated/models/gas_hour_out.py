from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="GasHourOut")



@_attrs_define
class GasHourOut:
    """ 
        Attributes:
            count (int):
            hour (int):
            hour_of_week (int):
            median (float | None):
            weekday (str):
     """

    count: int
    hour: int
    hour_of_week: int
    median: float | None
    weekday: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        count = self.count

        hour = self.hour

        hour_of_week = self.hour_of_week

        median: float | None
        median = self.median

        weekday = self.weekday


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "hour": hour,
            "hour_of_week": hour_of_week,
            "median": median,
            "weekday": weekday,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        hour = d.pop("hour")

        hour_of_week = d.pop("hour_of_week")

        def _parse_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median = _parse_median(d.pop("median"))


        weekday = d.pop("weekday")

        gas_hour_out = cls(
            count=count,
            hour=hour,
            hour_of_week=hour_of_week,
            median=median,
            weekday=weekday,
        )


        gas_hour_out.additional_properties = d
        return gas_hour_out

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
