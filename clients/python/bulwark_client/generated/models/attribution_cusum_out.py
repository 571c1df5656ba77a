from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_cusum_out_sigma_source import AttributionCusumOutSigmaSource
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.attribution_cusum_event_out import AttributionCusumEventOut





T = TypeVar("T", bound="AttributionCusumOut")



@_attrs_define
class AttributionCusumOut:
    """ 
        Attributes:
            events (list[AttributionCusumEventOut]):
            h (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            k (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            series (Literal['active_return']):
            sigma (float | None): null: too few periods or no variation, no events
            sigma_source (AttributionCusumOutSigmaSource):
            target (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    events: list[AttributionCusumEventOut]
    h: float
    k: float
    series: Literal['active_return']
    sigma: float | None
    sigma_source: AttributionCusumOutSigmaSource
    target: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_cusum_event_out import AttributionCusumEventOut # noqa: PLC0415
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        h = self.h

        k = self.k

        series = self.series

        sigma: float | None
        sigma = self.sigma

        sigma_source = self.sigma_source.value

        target = self.target


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "events": events,
            "h": h,
            "k": k,
            "series": series,
            "sigma": sigma,
            "sigma_source": sigma_source,
            "target": target,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_cusum_event_out import AttributionCusumEventOut # noqa: PLC0415
        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = AttributionCusumEventOut.from_dict(events_item_data)



            events.append(events_item)


        h = d.pop("h")

        k = d.pop("k")

        series = cast(Literal['active_return'] , d.pop("series"))
        if series != 'active_return':
            raise ValueError(f"series must match const 'active_return', got '{series}'")

        def _parse_sigma(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sigma = _parse_sigma(d.pop("sigma"))


        sigma_source = AttributionCusumOutSigmaSource(d.pop("sigma_source"))




        target = d.pop("target")

        attribution_cusum_out = cls(
            events=events,
            h=h,
            k=k,
            series=series,
            sigma=sigma,
            sigma_source=sigma_source,
            target=target,
        )


        attribution_cusum_out.additional_properties = d
        return attribution_cusum_out

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
