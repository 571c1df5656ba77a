from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BookSourceOut")



@_attrs_define
class BookSourceOut:
    """ 
        Attributes:
            ask_levels (int):
            bid_levels (int):
            depth_meaningful (bool):
            kind (str):
            levels (int):
            note (None | str):
            source (str):
     """

    ask_levels: int
    bid_levels: int
    depth_meaningful: bool
    kind: str
    levels: int
    note: None | str
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ask_levels = self.ask_levels

        bid_levels = self.bid_levels

        depth_meaningful = self.depth_meaningful

        kind = self.kind

        levels = self.levels

        note: None | str
        note = self.note

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ask_levels": ask_levels,
            "bid_levels": bid_levels,
            "depth_meaningful": depth_meaningful,
            "kind": kind,
            "levels": levels,
            "note": note,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ask_levels = d.pop("ask_levels")

        bid_levels = d.pop("bid_levels")

        depth_meaningful = d.pop("depth_meaningful")

        kind = d.pop("kind")

        levels = d.pop("levels")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        source = d.pop("source")

        book_source_out = cls(
            ask_levels=ask_levels,
            bid_levels=bid_levels,
            depth_meaningful=depth_meaningful,
            kind=kind,
            levels=levels,
            note=note,
            source=source,
        )


        book_source_out.additional_properties = d
        return book_source_out

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
