from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="VaultKeyOut")



@_attrs_define
class VaultKeyOut:
    """ 
        Attributes:
            account_id (None | str):
            created_at (datetime.datetime):
            expires_at (datetime.datetime | None):
            id (str):
            key_id (str):
            label (str):
            last_used_at (datetime.datetime | None):
            paper (bool):
            previous_until (datetime.datetime | None):
            provider (str):
            provider_kind (str):
            rotated_at (datetime.datetime | None):
            scopes (list[str]):
            status (str):
     """

    account_id: None | str
    created_at: datetime.datetime
    expires_at: datetime.datetime | None
    id: str
    key_id: str
    label: str
    last_used_at: datetime.datetime | None
    paper: bool
    previous_until: datetime.datetime | None
    provider: str
    provider_kind: str
    rotated_at: datetime.datetime | None
    scopes: list[str]
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        created_at = self.created_at.isoformat()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        id = self.id

        key_id = self.key_id

        label = self.label

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        paper = self.paper

        previous_until: None | str
        if isinstance(self.previous_until, datetime.datetime):
            previous_until = self.previous_until.isoformat()
        else:
            previous_until = self.previous_until

        provider = self.provider

        provider_kind = self.provider_kind

        rotated_at: None | str
        if isinstance(self.rotated_at, datetime.datetime):
            rotated_at = self.rotated_at.isoformat()
        else:
            rotated_at = self.rotated_at

        scopes = self.scopes



        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "created_at": created_at,
            "expires_at": expires_at,
            "id": id,
            "key_id": key_id,
            "label": label,
            "last_used_at": last_used_at,
            "paper": paper,
            "previous_until": previous_until,
            "provider": provider,
            "provider_kind": provider_kind,
            "rotated_at": rotated_at,
            "scopes": scopes,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        id = d.pop("id")

        key_id = d.pop("key_id")

        label = d.pop("label")

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))


        paper = d.pop("paper")

        def _parse_previous_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_until_type_0 = datetime.datetime.fromisoformat(data)



                return previous_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_until = _parse_previous_until(d.pop("previous_until"))


        provider = d.pop("provider")

        provider_kind = d.pop("provider_kind")

        def _parse_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rotated_at_type_0 = datetime.datetime.fromisoformat(data)



                return rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        rotated_at = _parse_rotated_at(d.pop("rotated_at"))


        scopes = cast(list[str], d.pop("scopes"))


        status = d.pop("status")

        vault_key_out = cls(
            account_id=account_id,
            created_at=created_at,
            expires_at=expires_at,
            id=id,
            key_id=key_id,
            label=label,
            last_used_at=last_used_at,
            paper=paper,
            previous_until=previous_until,
            provider=provider,
            provider_kind=provider_kind,
            rotated_at=rotated_at,
            scopes=scopes,
            status=status,
        )


        vault_key_out.additional_properties = d
        return vault_key_out

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
