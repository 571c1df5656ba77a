from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="MfaEnrollmentOut")



@_attrs_define
class MfaEnrollmentOut:
    """ 
        Attributes:
            backup_codes (list[str]):
            provisioning_uri (str):
            secret (str):
     """

    backup_codes: list[str]
    provisioning_uri: str
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        backup_codes = self.backup_codes



        provisioning_uri = self.provisioning_uri

        secret = self.secret


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "backup_codes": backup_codes,
            "provisioning_uri": provisioning_uri,
            "secret": secret,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backup_codes = cast(list[str], d.pop("backup_codes"))


        provisioning_uri = d.pop("provisioning_uri")

        secret = d.pop("secret")

        mfa_enrollment_out = cls(
            backup_codes=backup_codes,
            provisioning_uri=provisioning_uri,
            secret=secret,
        )


        mfa_enrollment_out.additional_properties = d
        return mfa_enrollment_out

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
