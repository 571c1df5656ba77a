from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.gas_hour_out import GasHourOut





T = TypeVar("T", bound="GasCheapestWindowOut")



@_attrs_define
class GasCheapestWindowOut:
    """ 
        Attributes:
            by_hour (list[GasHourOut]):
            hours (int):
            mean_median_gwei (float | None):
            overall_median_gwei (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            savings (float | None):
            start_hour (int | None):
            start_hour_of_week (int | None):
            start_weekday (None | str):
            timezone (str):
     """

    by_hour: list[GasHourOut]
    hours: int
    mean_median_gwei: float | None
    overall_median_gwei: float
    savings: float | None
    start_hour: int | None
    start_hour_of_week: int | None
    start_weekday: None | str
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.gas_hour_out import GasHourOut # noqa: PLC0415
        by_hour = []
        for by_hour_item_data in self.by_hour:
            by_hour_item = by_hour_item_data.to_dict()
            by_hour.append(by_hour_item)



        hours = self.hours

        mean_median_gwei: float | None
        mean_median_gwei = self.mean_median_gwei

        overall_median_gwei = self.overall_median_gwei

        savings: float | None
        savings = self.savings

        start_hour: int | None
        start_hour = self.start_hour

        start_hour_of_week: int | None
        start_hour_of_week = self.start_hour_of_week

        start_weekday: None | str
        start_weekday = self.start_weekday

        timezone = self.timezone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_hour": by_hour,
            "hours": hours,
            "mean_median_gwei": mean_median_gwei,
            "overall_median_gwei": overall_median_gwei,
            "savings": savings,
            "start_hour": start_hour,
            "start_hour_of_week": start_hour_of_week,
            "start_weekday": start_weekday,
            "timezone": timezone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gas_hour_out import GasHourOut # noqa: PLC0415
        d = dict(src_dict)
        by_hour = []
        _by_hour = d.pop("by_hour")
        for by_hour_item_data in (_by_hour):
            by_hour_item = GasHourOut.from_dict(by_hour_item_data)



            by_hour.append(by_hour_item)


        hours = d.pop("hours")

        def _parse_mean_median_gwei(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_median_gwei = _parse_mean_median_gwei(d.pop("mean_median_gwei"))


        overall_median_gwei = d.pop("overall_median_gwei")

        def _parse_savings(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        savings = _parse_savings(d.pop("savings"))


        def _parse_start_hour(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        start_hour = _parse_start_hour(d.pop("start_hour"))


        def _parse_start_hour_of_week(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        start_hour_of_week = _parse_start_hour_of_week(d.pop("start_hour_of_week"))


        def _parse_start_weekday(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        start_weekday = _parse_start_weekday(d.pop("start_weekday"))


        timezone = d.pop("timezone")

        gas_cheapest_window_out = cls(
            by_hour=by_hour,
            hours=hours,
            mean_median_gwei=mean_median_gwei,
            overall_median_gwei=overall_median_gwei,
            savings=savings,
            start_hour=start_hour,
            start_hour_of_week=start_hour_of_week,
            start_weekday=start_weekday,
            timezone=timezone,
        )


        gas_cheapest_window_out.additional_properties = d
        return gas_cheapest_window_out

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
