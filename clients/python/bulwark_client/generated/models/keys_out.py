from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.retired_key_out import RetiredKeyOut
  from ..models.source_keys_out import SourceKeysOut





T = TypeVar("T", bound="KeysOut")



@_attrs_define
class KeysOut:
    """ 
        Attributes:
            configured (list[str]):
            current (str):
            retired (list[RetiredKeyOut]):
            sources (list[SourceKeysOut]):
     """

    configured: list[str]
    current: str
    retired: list[RetiredKeyOut]
    sources: list[SourceKeysOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.retired_key_out import RetiredKeyOut # noqa: PLC0415
        from ..models.source_keys_out import SourceKeysOut # noqa: PLC0415
        configured = self.configured



        current = self.current

        retired = []
        for retired_item_data in self.retired:
            retired_item = retired_item_data.to_dict()
            retired.append(retired_item)



        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "configured": configured,
            "current": current,
            "retired": retired,
            "sources": sources,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retired_key_out import RetiredKeyOut # noqa: PLC0415
        from ..models.source_keys_out import SourceKeysOut # noqa: PLC0415
        d = dict(src_dict)
        configured = cast(list[str], d.pop("configured"))


        current = d.pop("current")

        retired = []
        _retired = d.pop("retired")
        for retired_item_data in (_retired):
            retired_item = RetiredKeyOut.from_dict(retired_item_data)



            retired.append(retired_item)


        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceKeysOut.from_dict(sources_item_data)



            sources.append(sources_item)


        keys_out = cls(
            configured=configured,
            current=current,
            retired=retired,
            sources=sources,
        )


        keys_out.additional_properties = d
        return keys_out

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
