from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="LimitOut")



@_attrs_define
class LimitOut:
    """ 
        Attributes:
            instrument (None | str):
            kind (str):
            limit (str):
            used (None | str | Unset):
     """

    instrument: None | str
    kind: str
    limit: str
    used: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        instrument: None | str
        instrument = self.instrument

        kind = self.kind

        limit = self.limit

        used: None | str | Unset
        if isinstance(self.used, Unset):
            used = UNSET
        else:
            used = self.used


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "instrument": instrument,
            "kind": kind,
            "limit": limit,
        })
        if used is not UNSET:
            field_dict["used"] = used

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_instrument(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        instrument = _parse_instrument(d.pop("instrument"))


        kind = d.pop("kind")

        limit = d.pop("limit")

        def _parse_used(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        used = _parse_used(d.pop("used", UNSET))


        limit_out = cls(
            instrument=instrument,
            kind=kind,
            limit=limit,
            used=used,
        )


        limit_out.additional_properties = d
        return limit_out

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
