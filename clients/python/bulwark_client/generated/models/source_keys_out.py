from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.source_keys_out_labels import SourceKeysOutLabels





T = TypeVar("T", bound="SourceKeysOut")



@_attrs_define
class SourceKeysOut:
    """ 
        Attributes:
            labels (SourceKeysOutLabels):
            name (str):
            total (int):
     """

    labels: SourceKeysOutLabels
    name: str
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_keys_out_labels import SourceKeysOutLabels # noqa: PLC0415
        labels = self.labels.to_dict()

        name = self.name

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "labels": labels,
            "name": name,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_keys_out_labels import SourceKeysOutLabels # noqa: PLC0415
        d = dict(src_dict)
        labels = SourceKeysOutLabels.from_dict(d.pop("labels"))




        name = d.pop("name")

        total = d.pop("total")

        source_keys_out = cls(
            labels=labels,
            name=name,
            total=total,
        )


        source_keys_out.additional_properties = d
        return source_keys_out

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
