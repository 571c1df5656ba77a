from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_cusum_event_out_direction import AttributionCusumEventOutDirection
from typing import cast
import datetime






T = TypeVar("T", bound="AttributionCusumEventOut")



@_attrs_define
class AttributionCusumEventOut:
    """ 
        Attributes:
            alarm (datetime.date): End date of the period that crossed h
            direction (AttributionCusumEventOutDirection):
            magnitude (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            magnitude_sigmas (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            periods (int): Periods from start to alarm, both counted
            start (datetime.date): End date of the first period of the shift
            statistic (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    alarm: datetime.date
    direction: AttributionCusumEventOutDirection
    magnitude: float
    magnitude_sigmas: float
    periods: int
    start: datetime.date
    statistic: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alarm = self.alarm.isoformat()

        direction = self.direction.value

        magnitude = self.magnitude

        magnitude_sigmas = self.magnitude_sigmas

        periods = self.periods

        start = self.start.isoformat()

        statistic = self.statistic


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alarm": alarm,
            "direction": direction,
            "magnitude": magnitude,
            "magnitude_sigmas": magnitude_sigmas,
            "periods": periods,
            "start": start,
            "statistic": statistic,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alarm = datetime.date.fromisoformat(d.pop("alarm"))




        direction = AttributionCusumEventOutDirection(d.pop("direction"))




        magnitude = d.pop("magnitude")

        magnitude_sigmas = d.pop("magnitude_sigmas")

        periods = d.pop("periods")

        start = datetime.date.fromisoformat(d.pop("start"))




        statistic = d.pop("statistic")

        attribution_cusum_event_out = cls(
            alarm=alarm,
            direction=direction,
            magnitude=magnitude,
            magnitude_sigmas=magnitude_sigmas,
            periods=periods,
            start=start,
            statistic=statistic,
        )


        attribution_cusum_event_out.additional_properties = d
        return attribution_cusum_event_out

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
