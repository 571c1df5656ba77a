from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.component_status_details import ComponentStatusDetails





T = TypeVar("T", bound="ComponentStatus")



@_attrs_define
class ComponentStatus:
    """ 
        Attributes:
            details (ComponentStatusDetails):
            name (str):
            ok (bool):
            degrades (None | str | Unset):
            required (bool | Unset):  Default: True.
     """

    details: ComponentStatusDetails
    name: str
    ok: bool
    degrades: None | str | Unset = UNSET
    required: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.component_status_details import ComponentStatusDetails # noqa: PLC0415
        details = self.details.to_dict()

        name = self.name

        ok = self.ok

        degrades: None | str | Unset
        if isinstance(self.degrades, Unset):
            degrades = UNSET
        else:
            degrades = self.degrades

        required = self.required


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "details": details,
            "name": name,
            "ok": ok,
        })
        if degrades is not UNSET:
            field_dict["degrades"] = degrades
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_status_details import ComponentStatusDetails # noqa: PLC0415
        d = dict(src_dict)
        details = ComponentStatusDetails.from_dict(d.pop("details"))




        name = d.pop("name")

        ok = d.pop("ok")

        def _parse_degrades(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        degrades = _parse_degrades(d.pop("degrades", UNSET))


        required = d.pop("required", UNSET)

        component_status = cls(
            details=details,
            name=name,
            ok=ok,
            degrades=degrades,
            required=required,
        )


        component_status.additional_properties = d
        return component_status

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
