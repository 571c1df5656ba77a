from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PolicyIn")



@_attrs_define
class PolicyIn:
    """ 
        Attributes:
            check_in_interval_seconds (int | Unset):  Default: 2592000.
            enabled (bool | Unset):  Default: True.
            grace_period_seconds (int | Unset):  Default: 604800.
            liquidate (bool | Unset):  Default: False.
            reminder_offsets_seconds (list[int] | Unset):
     """

    check_in_interval_seconds: int | Unset = 2592000
    enabled: bool | Unset = True
    grace_period_seconds: int | Unset = 604800
    liquidate: bool | Unset = False
    reminder_offsets_seconds: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        check_in_interval_seconds = self.check_in_interval_seconds

        enabled = self.enabled

        grace_period_seconds = self.grace_period_seconds

        liquidate = self.liquidate

        reminder_offsets_seconds: list[int] | Unset = UNSET
        if not isinstance(self.reminder_offsets_seconds, Unset):
            reminder_offsets_seconds = self.reminder_offsets_seconds




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if check_in_interval_seconds is not UNSET:
            field_dict["check_in_interval_seconds"] = check_in_interval_seconds
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if grace_period_seconds is not UNSET:
            field_dict["grace_period_seconds"] = grace_period_seconds
        if liquidate is not UNSET:
            field_dict["liquidate"] = liquidate
        if reminder_offsets_seconds is not UNSET:
            field_dict["reminder_offsets_seconds"] = reminder_offsets_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_in_interval_seconds = d.pop("check_in_interval_seconds", UNSET)

        enabled = d.pop("enabled", UNSET)

        grace_period_seconds = d.pop("grace_period_seconds", UNSET)

        liquidate = d.pop("liquidate", UNSET)

        reminder_offsets_seconds = cast(list[int], d.pop("reminder_offsets_seconds", UNSET))


        policy_in = cls(
            check_in_interval_seconds=check_in_interval_seconds,
            enabled=enabled,
            grace_period_seconds=grace_period_seconds,
            liquidate=liquidate,
            reminder_offsets_seconds=reminder_offsets_seconds,
        )


        policy_in.additional_properties = d
        return policy_in

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
