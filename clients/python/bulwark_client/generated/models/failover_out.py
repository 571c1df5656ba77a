from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FailoverOut")



@_attrs_define
class FailoverOut:
    """ 
        Attributes:
            active (None | str):
            pinned (None | str):
            previous (None | str):
            restored (bool):
     """

    active: None | str
    pinned: None | str
    previous: None | str
    restored: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active: None | str
        active = self.active

        pinned: None | str
        pinned = self.pinned

        previous: None | str
        previous = self.previous

        restored = self.restored


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "pinned": pinned,
            "previous": previous,
            "restored": restored,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_active(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        active = _parse_active(d.pop("active"))


        def _parse_pinned(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pinned = _parse_pinned(d.pop("pinned"))


        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))


        restored = d.pop("restored")

        failover_out = cls(
            active=active,
            pinned=pinned,
            previous=previous,
            restored=restored,
        )


        failover_out.additional_properties = d
        return failover_out

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
