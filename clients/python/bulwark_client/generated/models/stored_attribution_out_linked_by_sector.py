from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.stored_effects_out import StoredEffectsOut





T = TypeVar("T", bound="StoredAttributionOutLinkedBySector")



@_attrs_define
class StoredAttributionOutLinkedBySector:
    

    additional_properties: dict[str, StoredEffectsOut] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.stored_effects_out import StoredEffectsOut # noqa: PLC0415
        
        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()


        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stored_effects_out import StoredEffectsOut # noqa: PLC0415
        d = dict(src_dict)
        stored_attribution_out_linked_by_sector = cls(
        )


        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = StoredEffectsOut.from_dict(prop_dict)



            additional_properties[prop_name] = additional_property

        stored_attribution_out_linked_by_sector.additional_properties = additional_properties
        return stored_attribution_out_linked_by_sector

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> StoredEffectsOut:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: StoredEffectsOut) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
