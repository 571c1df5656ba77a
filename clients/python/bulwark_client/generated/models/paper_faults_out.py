from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PaperFaultsOut")



@_attrs_define
class PaperFaultsOut:
    """ 
        Attributes:
            active (bool):
            delay_ms (int):
            faults (list[str]):
            setting (str):
     """

    active: bool
    delay_ms: int
    faults: list[str]
    setting: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        delay_ms = self.delay_ms

        faults = self.faults



        setting = self.setting


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "delay_ms": delay_ms,
            "faults": faults,
            "setting": setting,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        delay_ms = d.pop("delay_ms")

        faults = cast(list[str], d.pop("faults"))


        setting = d.pop("setting")

        paper_faults_out = cls(
            active=active,
            delay_ms=delay_ms,
            faults=faults,
            setting=setting,
        )


        paper_faults_out.additional_properties = d
        return paper_faults_out

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
