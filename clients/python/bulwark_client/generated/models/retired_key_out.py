from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RetiredKeyOut")



@_attrs_define
class RetiredKeyOut:
    """ 
        Attributes:
            key (str):
            retired_at (datetime.datetime):
            retired_by (str):
     """

    key: str
    retired_at: datetime.datetime
    retired_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key = self.key

        retired_at = self.retired_at.isoformat()

        retired_by = self.retired_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "retired_at": retired_at,
            "retired_by": retired_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        retired_at = datetime.datetime.fromisoformat(d.pop("retired_at"))




        retired_by = d.pop("retired_by")

        retired_key_out = cls(
            key=key,
            retired_at=retired_at,
            retired_by=retired_by,
        )


        retired_key_out.additional_properties = d
        return retired_key_out

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
