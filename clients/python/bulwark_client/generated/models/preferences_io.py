from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.preferences_io_digest_minutes import PreferencesIODigestMinutes
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.preferences_io_channels import PreferencesIOChannels
  from ..models.quiet_hours_io import QuietHoursIO





T = TypeVar("T", bound="PreferencesIO")



@_attrs_define
class PreferencesIO:
    """ 
        Attributes:
            channels (PreferencesIOChannels | Unset):
            digest_enabled (bool | Unset):  Default: False.
            digest_minutes (PreferencesIODigestMinutes | Unset):  Default: PreferencesIODigestMinutes.VALUE_60.
            quiet_hours (None | QuietHoursIO | Unset):
     """

    channels: PreferencesIOChannels | Unset = UNSET
    digest_enabled: bool | Unset = False
    digest_minutes: PreferencesIODigestMinutes | Unset = PreferencesIODigestMinutes.VALUE_60
    quiet_hours: None | QuietHoursIO | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.preferences_io_channels import PreferencesIOChannels # noqa: PLC0415
        from ..models.quiet_hours_io import QuietHoursIO # noqa: PLC0415
        channels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels.to_dict()

        digest_enabled = self.digest_enabled

        digest_minutes: int | Unset = UNSET
        if not isinstance(self.digest_minutes, Unset):
            digest_minutes = self.digest_minutes.value


        quiet_hours: dict[str, Any] | None | Unset
        if isinstance(self.quiet_hours, Unset):
            quiet_hours = UNSET
        elif isinstance(self.quiet_hours, QuietHoursIO):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if channels is not UNSET:
            field_dict["channels"] = channels
        if digest_enabled is not UNSET:
            field_dict["digest_enabled"] = digest_enabled
        if digest_minutes is not UNSET:
            field_dict["digest_minutes"] = digest_minutes
        if quiet_hours is not UNSET:
            field_dict["quiet_hours"] = quiet_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preferences_io_channels import PreferencesIOChannels # noqa: PLC0415
        from ..models.quiet_hours_io import QuietHoursIO # noqa: PLC0415
        d = dict(src_dict)
        _channels = d.pop("channels", UNSET)
        channels: PreferencesIOChannels | Unset
        if isinstance(_channels,  Unset):
            channels = UNSET
        else:
            channels = PreferencesIOChannels.from_dict(_channels)




        digest_enabled = d.pop("digest_enabled", UNSET)

        _digest_minutes = d.pop("digest_minutes", UNSET)
        digest_minutes: PreferencesIODigestMinutes | Unset
        if isinstance(_digest_minutes,  Unset):
            digest_minutes = UNSET
        else:
            digest_minutes = PreferencesIODigestMinutes(_digest_minutes)




        def _parse_quiet_hours(data: object) -> None | QuietHoursIO | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quiet_hours_type_0 = QuietHoursIO.from_dict(data)



                return quiet_hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuietHoursIO | Unset, data)

        quiet_hours = _parse_quiet_hours(d.pop("quiet_hours", UNSET))


        preferences_io = cls(
            channels=channels,
            digest_enabled=digest_enabled,
            digest_minutes=digest_minutes,
            quiet_hours=quiet_hours,
        )


        preferences_io.additional_properties = d
        return preferences_io

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
