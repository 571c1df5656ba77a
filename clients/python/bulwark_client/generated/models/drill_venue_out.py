from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DrillVenueOut")



@_attrs_define
class DrillVenueOut:
    """ 
        Attributes:
            confirmed (bool):
            errors (list[str]):
            positions_remaining (list[str]):
            still_open (list[str]):
            time_to_cancel_ms (float | None):
            time_to_flat_ms (float | None):
            venue (str):
     """

    confirmed: bool
    errors: list[str]
    positions_remaining: list[str]
    still_open: list[str]
    time_to_cancel_ms: float | None
    time_to_flat_ms: float | None
    venue: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        confirmed = self.confirmed

        errors = self.errors



        positions_remaining = self.positions_remaining



        still_open = self.still_open



        time_to_cancel_ms: float | None
        time_to_cancel_ms = self.time_to_cancel_ms

        time_to_flat_ms: float | None
        time_to_flat_ms = self.time_to_flat_ms

        venue = self.venue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "confirmed": confirmed,
            "errors": errors,
            "positions_remaining": positions_remaining,
            "still_open": still_open,
            "time_to_cancel_ms": time_to_cancel_ms,
            "time_to_flat_ms": time_to_flat_ms,
            "venue": venue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirmed = d.pop("confirmed")

        errors = cast(list[str], d.pop("errors"))


        positions_remaining = cast(list[str], d.pop("positions_remaining"))


        still_open = cast(list[str], d.pop("still_open"))


        def _parse_time_to_cancel_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        time_to_cancel_ms = _parse_time_to_cancel_ms(d.pop("time_to_cancel_ms"))


        def _parse_time_to_flat_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        time_to_flat_ms = _parse_time_to_flat_ms(d.pop("time_to_flat_ms"))


        venue = d.pop("venue")

        drill_venue_out = cls(
            confirmed=confirmed,
            errors=errors,
            positions_remaining=positions_remaining,
            still_open=still_open,
            time_to_cancel_ms=time_to_cancel_ms,
            time_to_flat_ms=time_to_flat_ms,
            venue=venue,
        )


        drill_venue_out.additional_properties = d
        return drill_venue_out

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
