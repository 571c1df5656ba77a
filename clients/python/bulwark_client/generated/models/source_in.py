from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pattern import Pattern
from ..models.timeframe import Timeframe
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SourceIn")



@_attrs_define
class SourceIn:
    """ 
        Attributes:
            kind (str): One of: pattern, external, model, sentiment
            min_items (int | None | Unset):
            name (None | str | Unset):
            pattern (None | Pattern | Unset):
            symbols (list[str] | Unset):
            timeframe (None | Timeframe | Unset):
            weight (float | Unset):  Default: 1.0.
            window_hours (float | None | Unset):
     """

    kind: str
    min_items: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    pattern: None | Pattern | Unset = UNSET
    symbols: list[str] | Unset = UNSET
    timeframe: None | Timeframe | Unset = UNSET
    weight: float | Unset = 1.0
    window_hours: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        min_items: int | None | Unset
        if isinstance(self.min_items, Unset):
            min_items = UNSET
        else:
            min_items = self.min_items

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        elif isinstance(self.pattern, Pattern):
            pattern = self.pattern.value
        else:
            pattern = self.pattern

        symbols: list[str] | Unset = UNSET
        if not isinstance(self.symbols, Unset):
            symbols = self.symbols



        timeframe: None | str | Unset
        if isinstance(self.timeframe, Unset):
            timeframe = UNSET
        elif isinstance(self.timeframe, Timeframe):
            timeframe = self.timeframe.value
        else:
            timeframe = self.timeframe

        weight = self.weight

        window_hours: float | None | Unset
        if isinstance(self.window_hours, Unset):
            window_hours = UNSET
        else:
            window_hours = self.window_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
        })
        if min_items is not UNSET:
            field_dict["min_items"] = min_items
        if name is not UNSET:
            field_dict["name"] = name
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if symbols is not UNSET:
            field_dict["symbols"] = symbols
        if timeframe is not UNSET:
            field_dict["timeframe"] = timeframe
        if weight is not UNSET:
            field_dict["weight"] = weight
        if window_hours is not UNSET:
            field_dict["window_hours"] = window_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        def _parse_min_items(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_items = _parse_min_items(d.pop("min_items", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_pattern(data: object) -> None | Pattern | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pattern_type_0 = Pattern(data)



                return pattern_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Pattern | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))


        symbols = cast(list[str], d.pop("symbols", UNSET))


        def _parse_timeframe(data: object) -> None | Timeframe | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timeframe_type_0 = Timeframe(data)



                return timeframe_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Timeframe | Unset, data)

        timeframe = _parse_timeframe(d.pop("timeframe", UNSET))


        weight = d.pop("weight", UNSET)

        def _parse_window_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        window_hours = _parse_window_hours(d.pop("window_hours", UNSET))


        source_in = cls(
            kind=kind,
            min_items=min_items,
            name=name,
            pattern=pattern,
            symbols=symbols,
            timeframe=timeframe,
            weight=weight,
            window_hours=window_hours,
        )


        source_in.additional_properties = d
        return source_in

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
