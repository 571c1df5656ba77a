from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PolicyOut")



@_attrs_define
class PolicyOut:
    """ 
        Attributes:
            check_in_interval_seconds (int):
            enabled (bool):
            grace_period_seconds (int):
            liquidate (bool):
            owner_id (str):
            reminder_offsets_seconds (list[int]):
     """

    check_in_interval_seconds: int
    enabled: bool
    grace_period_seconds: int
    liquidate: bool
    owner_id: str
    reminder_offsets_seconds: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        check_in_interval_seconds = self.check_in_interval_seconds

        enabled = self.enabled

        grace_period_seconds = self.grace_period_seconds

        liquidate = self.liquidate

        owner_id = self.owner_id

        reminder_offsets_seconds = self.reminder_offsets_seconds




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "check_in_interval_seconds": check_in_interval_seconds,
            "enabled": enabled,
            "grace_period_seconds": grace_period_seconds,
            "liquidate": liquidate,
            "owner_id": owner_id,
            "reminder_offsets_seconds": reminder_offsets_seconds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_in_interval_seconds = d.pop("check_in_interval_seconds")

        enabled = d.pop("enabled")

        grace_period_seconds = d.pop("grace_period_seconds")

        liquidate = d.pop("liquidate")

        owner_id = d.pop("owner_id")

        reminder_offsets_seconds = cast(list[int], d.pop("reminder_offsets_seconds"))


        policy_out = cls(
            check_in_interval_seconds=check_in_interval_seconds,
            enabled=enabled,
            grace_period_seconds=grace_period_seconds,
            liquidate=liquidate,
            owner_id=owner_id,
            reminder_offsets_seconds=reminder_offsets_seconds,
        )


        policy_out.additional_properties = d
        return policy_out

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
