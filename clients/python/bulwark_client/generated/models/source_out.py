from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SourceOut")



@_attrs_define
class SourceOut:
    """ 
        Attributes:
            kind (str):
            min_items (int | None):
            name (None | str):
            pattern (None | str):
            symbols (list[str]):
            timeframe (None | str):
            weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            window_hours (float | None):
     """

    kind: str
    min_items: int | None
    name: None | str
    pattern: None | str
    symbols: list[str]
    timeframe: None | str
    weight: float
    window_hours: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        min_items: int | None
        min_items = self.min_items

        name: None | str
        name = self.name

        pattern: None | str
        pattern = self.pattern

        symbols = self.symbols



        timeframe: None | str
        timeframe = self.timeframe

        weight = self.weight

        window_hours: float | None
        window_hours = self.window_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "min_items": min_items,
            "name": name,
            "pattern": pattern,
            "symbols": symbols,
            "timeframe": timeframe,
            "weight": weight,
            "window_hours": window_hours,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        def _parse_min_items(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_items = _parse_min_items(d.pop("min_items"))


        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        def _parse_pattern(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pattern = _parse_pattern(d.pop("pattern"))


        symbols = cast(list[str], d.pop("symbols"))


        def _parse_timeframe(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timeframe = _parse_timeframe(d.pop("timeframe"))


        weight = d.pop("weight")

        def _parse_window_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        window_hours = _parse_window_hours(d.pop("window_hours"))


        source_out = cls(
            kind=kind,
            min_items=min_items,
            name=name,
            pattern=pattern,
            symbols=symbols,
            timeframe=timeframe,
            weight=weight,
            window_hours=window_hours,
        )


        source_out.additional_properties = d
        return source_out

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
