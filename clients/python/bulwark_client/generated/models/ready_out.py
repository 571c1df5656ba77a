from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.component_status import ComponentStatus





T = TypeVar("T", bound="ReadyOut")



@_attrs_define
class ReadyOut:
    """ 
        Attributes:
            components (list[ComponentStatus]):
            ready (bool):
            degraded (list[str] | Unset):
     """

    components: list[ComponentStatus]
    ready: bool
    degraded: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.component_status import ComponentStatus # noqa: PLC0415
        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)



        ready = self.ready

        degraded: list[str] | Unset = UNSET
        if not isinstance(self.degraded, Unset):
            degraded = self.degraded




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "components": components,
            "ready": ready,
        })
        if degraded is not UNSET:
            field_dict["degraded"] = degraded

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_status import ComponentStatus # noqa: PLC0415
        d = dict(src_dict)
        components = []
        _components = d.pop("components")
        for components_item_data in (_components):
            components_item = ComponentStatus.from_dict(components_item_data)



            components.append(components_item)


        ready = d.pop("ready")

        degraded = cast(list[str], d.pop("degraded", UNSET))


        ready_out = cls(
            components=components,
            ready=ready,
            degraded=degraded,
        )


        ready_out.additional_properties = d
        return ready_out

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
