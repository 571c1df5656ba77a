from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DeviceOut")



@_attrs_define
class DeviceOut:
    """ 
        Attributes:
            client (str):
            first_seen (datetime.datetime):
            id (str):
            last_seen (datetime.datetime):
            name (str):
            network (None | str):
            revoked_at (datetime.datetime | None):
            trusted (bool):
            trusted_at (datetime.datetime | None):
            current (bool | Unset):  Default: False.
     """

    client: str
    first_seen: datetime.datetime
    id: str
    last_seen: datetime.datetime
    name: str
    network: None | str
    revoked_at: datetime.datetime | None
    trusted: bool
    trusted_at: datetime.datetime | None
    current: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        client = self.client

        first_seen = self.first_seen.isoformat()

        id = self.id

        last_seen = self.last_seen.isoformat()

        name = self.name

        network: None | str
        network = self.network

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        trusted = self.trusted

        trusted_at: None | str
        if isinstance(self.trusted_at, datetime.datetime):
            trusted_at = self.trusted_at.isoformat()
        else:
            trusted_at = self.trusted_at

        current = self.current


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "client": client,
            "first_seen": first_seen,
            "id": id,
            "last_seen": last_seen,
            "name": name,
            "network": network,
            "revoked_at": revoked_at,
            "trusted": trusted,
            "trusted_at": trusted_at,
        })
        if current is not UNSET:
            field_dict["current"] = current

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client = d.pop("client")

        first_seen = datetime.datetime.fromisoformat(d.pop("first_seen"))




        id = d.pop("id")

        last_seen = datetime.datetime.fromisoformat(d.pop("last_seen"))




        name = d.pop("name")

        def _parse_network(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        network = _parse_network(d.pop("network"))


        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        trusted = d.pop("trusted")

        def _parse_trusted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trusted_at_type_0 = datetime.datetime.fromisoformat(data)



                return trusted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        trusted_at = _parse_trusted_at(d.pop("trusted_at"))


        current = d.pop("current", UNSET)

        device_out = cls(
            client=client,
            first_seen=first_seen,
            id=id,
            last_seen=last_seen,
            name=name,
            network=network,
            revoked_at=revoked_at,
            trusted=trusted,
            trusted_at=trusted_at,
            current=current,
        )


        device_out.additional_properties = d
        return device_out

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
