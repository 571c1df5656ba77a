from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PasscodeChangeIn")



@_attrs_define
class PasscodeChangeIn:
    """ 
        Attributes:
            passcode (str):
            current_passcode (None | str | Unset):
     """

    passcode: str
    current_passcode: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        passcode = self.passcode

        current_passcode: None | str | Unset
        if isinstance(self.current_passcode, Unset):
            current_passcode = UNSET
        else:
            current_passcode = self.current_passcode


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "passcode": passcode,
        })
        if current_passcode is not UNSET:
            field_dict["current_passcode"] = current_passcode

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        passcode = d.pop("passcode")

        def _parse_current_passcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_passcode = _parse_current_passcode(d.pop("current_passcode", UNSET))


        passcode_change_in = cls(
            passcode=passcode,
            current_passcode=current_passcode,
        )


        passcode_change_in.additional_properties = d
        return passcode_change_in

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
