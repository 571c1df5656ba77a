from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.unread_counts_out_by_type import UnreadCountsOutByType





T = TypeVar("T", bound="UnreadCountsOut")



@_attrs_define
class UnreadCountsOut:
    """ 
        Attributes:
            by_type (UnreadCountsOutByType):
            total (int):
     """

    by_type: UnreadCountsOutByType
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.unread_counts_out_by_type import UnreadCountsOutByType # noqa: PLC0415
        by_type = self.by_type.to_dict()

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_type": by_type,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unread_counts_out_by_type import UnreadCountsOutByType # noqa: PLC0415
        d = dict(src_dict)
        by_type = UnreadCountsOutByType.from_dict(d.pop("by_type"))




        total = d.pop("total")

        unread_counts_out = cls(
            by_type=by_type,
            total=total,
        )


        unread_counts_out.additional_properties = d
        return unread_counts_out

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
