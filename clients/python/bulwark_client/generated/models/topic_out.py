from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="TopicOut")



@_attrs_define
class TopicOut:
    """ 
        Attributes:
            count (int):
            latency_max_ms (float | None):
            latency_p50_ms (float | None):
            latency_p99_ms (float | None):
            messages_per_second (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            topic (str):
     """

    count: int
    latency_max_ms: float | None
    latency_p50_ms: float | None
    latency_p99_ms: float | None
    messages_per_second: float
    topic: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        count = self.count

        latency_max_ms: float | None
        latency_max_ms = self.latency_max_ms

        latency_p50_ms: float | None
        latency_p50_ms = self.latency_p50_ms

        latency_p99_ms: float | None
        latency_p99_ms = self.latency_p99_ms

        messages_per_second = self.messages_per_second

        topic = self.topic


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "latency_max_ms": latency_max_ms,
            "latency_p50_ms": latency_p50_ms,
            "latency_p99_ms": latency_p99_ms,
            "messages_per_second": messages_per_second,
            "topic": topic,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        def _parse_latency_max_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latency_max_ms = _parse_latency_max_ms(d.pop("latency_max_ms"))


        def _parse_latency_p50_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latency_p50_ms = _parse_latency_p50_ms(d.pop("latency_p50_ms"))


        def _parse_latency_p99_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latency_p99_ms = _parse_latency_p99_ms(d.pop("latency_p99_ms"))


        messages_per_second = d.pop("messages_per_second")

        topic = d.pop("topic")

        topic_out = cls(
            count=count,
            latency_max_ms=latency_max_ms,
            latency_p50_ms=latency_p50_ms,
            latency_p99_ms=latency_p99_ms,
            messages_per_second=messages_per_second,
            topic=topic,
        )


        topic_out.additional_properties = d
        return topic_out

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
