from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EndpointOut")



@_attrs_define
class EndpointOut:
    """ 
        Attributes:
            address (str):
            channel (str):
            created_at (datetime.datetime):
            enabled (bool):
            id (str):
            label (str):
            secret_hint (str):
            secret (None | str | Unset):
     """

    address: str
    channel: str
    created_at: datetime.datetime
    enabled: bool
    id: str
    label: str
    secret_hint: str
    secret: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        channel = self.channel

        created_at = self.created_at.isoformat()

        enabled = self.enabled

        id = self.id

        label = self.label

        secret_hint = self.secret_hint

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "channel": channel,
            "created_at": created_at,
            "enabled": enabled,
            "id": id,
            "label": label,
            "secret_hint": secret_hint,
        })
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        enabled = d.pop("enabled")

        id = d.pop("id")

        label = d.pop("label")

        secret_hint = d.pop("secret_hint")

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))


        endpoint_out = cls(
            address=address,
            channel=channel,
            created_at=created_at,
            enabled=enabled,
            id=id,
            label=label,
            secret_hint=secret_hint,
            secret=secret,
        )


        endpoint_out.additional_properties = d
        return endpoint_out

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
