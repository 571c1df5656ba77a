from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="VaultKeyIn")



@_attrs_define
class VaultKeyIn:
    """ 
        Attributes:
            key_id (str):
            label (str):
            provider (str):
            scopes (list[str]):
            secret (str):
            account_id (None | str | Unset):
            expires_at (datetime.datetime | None | Unset):
            paper (bool | Unset):  Default: True.
     """

    key_id: str
    label: str
    provider: str
    scopes: list[str]
    secret: str
    account_id: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    paper: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key_id = self.key_id

        label = self.label

        provider = self.provider

        scopes = self.scopes



        secret = self.secret

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        paper = self.paper


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key_id": key_id,
            "label": label,
            "provider": provider,
            "scopes": scopes,
            "secret": secret,
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if paper is not UNSET:
            field_dict["paper"] = paper

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_id = d.pop("key_id")

        label = d.pop("label")

        provider = d.pop("provider")

        scopes = cast(list[str], d.pop("scopes"))


        secret = d.pop("secret")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        paper = d.pop("paper", UNSET)

        vault_key_in = cls(
            key_id=key_id,
            label=label,
            provider=provider,
            scopes=scopes,
            secret=secret,
            account_id=account_id,
            expires_at=expires_at,
            paper=paper,
        )


        vault_key_in.additional_properties = d
        return vault_key_in

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
