from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.control_setting_out_values import ControlSettingOutValues





T = TypeVar("T", bound="ControlSettingOut")



@_attrs_define
class ControlSettingOut:
    """ 
        Attributes:
            action (str): block, reduce, hold or warn for a rule; empty otherwise
            scope (str): global, account, agent:<id>, strategy:<id>, book, platform
            source (str): rule:<id>, default, book:<id>, settings, agent:<id>, built-in
            values (ControlSettingOutValues): Its parameters as text (numbers as decimal strings)
     """

    action: str
    scope: str
    source: str
    values: ControlSettingOutValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.control_setting_out_values import ControlSettingOutValues # noqa: PLC0415
        action = self.action

        scope = self.scope

        source = self.source

        values = self.values.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "scope": scope,
            "source": source,
            "values": values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.control_setting_out_values import ControlSettingOutValues # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        scope = d.pop("scope")

        source = d.pop("source")

        values = ControlSettingOutValues.from_dict(d.pop("values"))




        control_setting_out = cls(
            action=action,
            scope=scope,
            source=source,
            values=values,
        )


        control_setting_out.additional_properties = d
        return control_setting_out

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
