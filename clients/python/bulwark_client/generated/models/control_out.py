from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.control_kind import ControlKind
from ..models.coverage import Coverage
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.control_setting_out import ControlSettingOut
  from ..models.control_test_out import ControlTestOut





T = TypeVar("T", bound="ControlOut")



@_attrs_define
class ControlOut:
    """ 
        Attributes:
            configured (Coverage): full: binds every order; partial: some, or warns; none; not_applicable
            control (ControlKind): A Bulwark control a requirement may be met by.
            last_breach (datetime.datetime | None): The latest denial with its reason code among those read; null: none
            last_test (ControlTestOut | None): The kill switch's latest drill on record; null: never drilled
            note (str):
            settings (list[ControlSettingOut]):
     """

    configured: Coverage
    control: ControlKind
    last_breach: datetime.datetime | None
    last_test: ControlTestOut | None
    note: str
    settings: list[ControlSettingOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.control_setting_out import ControlSettingOut # noqa: PLC0415
        from ..models.control_test_out import ControlTestOut # noqa: PLC0415
        configured = self.configured.value

        control = self.control.value

        last_breach: None | str
        if isinstance(self.last_breach, datetime.datetime):
            last_breach = self.last_breach.isoformat()
        else:
            last_breach = self.last_breach

        last_test: dict[str, Any] | None
        if isinstance(self.last_test, ControlTestOut):
            last_test = self.last_test.to_dict()
        else:
            last_test = self.last_test

        note = self.note

        settings = []
        for settings_item_data in self.settings:
            settings_item = settings_item_data.to_dict()
            settings.append(settings_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "configured": configured,
            "control": control,
            "last_breach": last_breach,
            "last_test": last_test,
            "note": note,
            "settings": settings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.control_setting_out import ControlSettingOut # noqa: PLC0415
        from ..models.control_test_out import ControlTestOut # noqa: PLC0415
        d = dict(src_dict)
        configured = Coverage(d.pop("configured"))




        control = ControlKind(d.pop("control"))




        def _parse_last_breach(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_breach_type_0 = datetime.datetime.fromisoformat(data)



                return last_breach_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_breach = _parse_last_breach(d.pop("last_breach"))


        def _parse_last_test(data: object) -> ControlTestOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_test_type_0 = ControlTestOut.from_dict(data)



                return last_test_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ControlTestOut | None, data)

        last_test = _parse_last_test(d.pop("last_test"))


        note = d.pop("note")

        settings = []
        _settings = d.pop("settings")
        for settings_item_data in (_settings):
            settings_item = ControlSettingOut.from_dict(settings_item_data)



            settings.append(settings_item)


        control_out = cls(
            configured=configured,
            control=control,
            last_breach=last_breach,
            last_test=last_test,
            note=note,
            settings=settings,
        )


        control_out.additional_properties = d
        return control_out

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
