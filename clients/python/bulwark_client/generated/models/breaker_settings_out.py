from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BreakerSettingsOut")



@_attrs_define
class BreakerSettingsOut:
    """ 
        Attributes:
            failure_rate_threshold (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            half_open_calls (int):
            minimum_calls (int):
            open_seconds (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            slow_call_seconds (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            slow_rate_threshold (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            window_size (int):
     """

    failure_rate_threshold: float
    half_open_calls: int
    minimum_calls: int
    open_seconds: float
    slow_call_seconds: float
    slow_rate_threshold: float
    window_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        failure_rate_threshold = self.failure_rate_threshold

        half_open_calls = self.half_open_calls

        minimum_calls = self.minimum_calls

        open_seconds = self.open_seconds

        slow_call_seconds = self.slow_call_seconds

        slow_rate_threshold = self.slow_rate_threshold

        window_size = self.window_size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "failure_rate_threshold": failure_rate_threshold,
            "half_open_calls": half_open_calls,
            "minimum_calls": minimum_calls,
            "open_seconds": open_seconds,
            "slow_call_seconds": slow_call_seconds,
            "slow_rate_threshold": slow_rate_threshold,
            "window_size": window_size,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        failure_rate_threshold = d.pop("failure_rate_threshold")

        half_open_calls = d.pop("half_open_calls")

        minimum_calls = d.pop("minimum_calls")

        open_seconds = d.pop("open_seconds")

        slow_call_seconds = d.pop("slow_call_seconds")

        slow_rate_threshold = d.pop("slow_rate_threshold")

        window_size = d.pop("window_size")

        breaker_settings_out = cls(
            failure_rate_threshold=failure_rate_threshold,
            half_open_calls=half_open_calls,
            minimum_calls=minimum_calls,
            open_seconds=open_seconds,
            slow_call_seconds=slow_call_seconds,
            slow_rate_threshold=slow_rate_threshold,
            window_size=window_size,
        )


        breaker_settings_out.additional_properties = d
        return breaker_settings_out

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
