from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PutCallOut")



@_attrs_define
class PutCallOut:
    """ 
        Attributes:
            by_open_interest (float | None): put OI / call OI; null: no call OI
            by_volume (float | None): put volume / call volume; null: no call volume
            call_open_interest (int):
            call_volume (int):
            put_open_interest (int):
            put_volume (int):
     """

    by_open_interest: float | None
    by_volume: float | None
    call_open_interest: int
    call_volume: int
    put_open_interest: int
    put_volume: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        by_open_interest: float | None
        by_open_interest = self.by_open_interest

        by_volume: float | None
        by_volume = self.by_volume

        call_open_interest = self.call_open_interest

        call_volume = self.call_volume

        put_open_interest = self.put_open_interest

        put_volume = self.put_volume


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_open_interest": by_open_interest,
            "by_volume": by_volume,
            "call_open_interest": call_open_interest,
            "call_volume": call_volume,
            "put_open_interest": put_open_interest,
            "put_volume": put_volume,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_by_open_interest(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        by_open_interest = _parse_by_open_interest(d.pop("by_open_interest"))


        def _parse_by_volume(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        by_volume = _parse_by_volume(d.pop("by_volume"))


        call_open_interest = d.pop("call_open_interest")

        call_volume = d.pop("call_volume")

        put_open_interest = d.pop("put_open_interest")

        put_volume = d.pop("put_volume")

        put_call_out = cls(
            by_open_interest=by_open_interest,
            by_volume=by_volume,
            call_open_interest=call_open_interest,
            call_volume=call_volume,
            put_open_interest=put_open_interest,
            put_volume=put_volume,
        )


        put_call_out.additional_properties = d
        return put_call_out

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
