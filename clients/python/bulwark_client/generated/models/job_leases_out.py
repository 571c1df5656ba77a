from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.held_job_out import HeldJobOut





T = TypeVar("T", bound="JobLeasesOut")



@_attrs_define
class JobLeasesOut:
    """ 
        Attributes:
            held (list[HeldJobOut]):
            lease_seconds (float):
            waiting (list[str]):
     """

    held: list[HeldJobOut]
    lease_seconds: float
    waiting: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.held_job_out import HeldJobOut # noqa: PLC0415
        held = []
        for held_item_data in self.held:
            held_item = held_item_data.to_dict()
            held.append(held_item)



        lease_seconds = self.lease_seconds

        waiting = self.waiting




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "held": held,
            "lease_seconds": lease_seconds,
            "waiting": waiting,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_job_out import HeldJobOut # noqa: PLC0415
        d = dict(src_dict)
        held = []
        _held = d.pop("held")
        for held_item_data in (_held):
            held_item = HeldJobOut.from_dict(held_item_data)



            held.append(held_item)


        lease_seconds = d.pop("lease_seconds")

        waiting = cast(list[str], d.pop("waiting"))


        job_leases_out = cls(
            held=held,
            lease_seconds=lease_seconds,
            waiting=waiting,
        )


        job_leases_out.additional_properties = d
        return job_leases_out

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
