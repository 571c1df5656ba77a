from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ConnectionIn")



@_attrs_define
class ConnectionIn:
    """ 
        Attributes:
            kind (str):
            label (str):
            endpoint (None | str | Unset):
            environment (None | str | Unset):
            halt_on_drift (bool | Unset):  Default: False.
            key_id (None | str | Unset):
            quote (None | str | Unset):
            secret (None | str | Unset):
            venue_account (None | str | Unset):
            verify_tls (bool | Unset):  Default: True.
     """

    kind: str
    label: str
    endpoint: None | str | Unset = UNSET
    environment: None | str | Unset = UNSET
    halt_on_drift: bool | Unset = False
    key_id: None | str | Unset = UNSET
    quote: None | str | Unset = UNSET
    secret: None | str | Unset = UNSET
    venue_account: None | str | Unset = UNSET
    verify_tls: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        label = self.label

        endpoint: None | str | Unset
        if isinstance(self.endpoint, Unset):
            endpoint = UNSET
        else:
            endpoint = self.endpoint

        environment: None | str | Unset
        if isinstance(self.environment, Unset):
            environment = UNSET
        else:
            environment = self.environment

        halt_on_drift = self.halt_on_drift

        key_id: None | str | Unset
        if isinstance(self.key_id, Unset):
            key_id = UNSET
        else:
            key_id = self.key_id

        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        venue_account: None | str | Unset
        if isinstance(self.venue_account, Unset):
            venue_account = UNSET
        else:
            venue_account = self.venue_account

        verify_tls = self.verify_tls


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "label": label,
        })
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if environment is not UNSET:
            field_dict["environment"] = environment
        if halt_on_drift is not UNSET:
            field_dict["halt_on_drift"] = halt_on_drift
        if key_id is not UNSET:
            field_dict["key_id"] = key_id
        if quote is not UNSET:
            field_dict["quote"] = quote
        if secret is not UNSET:
            field_dict["secret"] = secret
        if venue_account is not UNSET:
            field_dict["venue_account"] = venue_account
        if verify_tls is not UNSET:
            field_dict["verify_tls"] = verify_tls

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        label = d.pop("label")

        def _parse_endpoint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint = _parse_endpoint(d.pop("endpoint", UNSET))


        def _parse_environment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment = _parse_environment(d.pop("environment", UNSET))


        halt_on_drift = d.pop("halt_on_drift", UNSET)

        def _parse_key_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key_id = _parse_key_id(d.pop("key_id", UNSET))


        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))


        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))


        def _parse_venue_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        venue_account = _parse_venue_account(d.pop("venue_account", UNSET))


        verify_tls = d.pop("verify_tls", UNSET)

        connection_in = cls(
            kind=kind,
            label=label,
            endpoint=endpoint,
            environment=environment,
            halt_on_drift=halt_on_drift,
            key_id=key_id,
            quote=quote,
            secret=secret,
            venue_account=venue_account,
            verify_tls=verify_tls,
        )


        connection_in.additional_properties = d
        return connection_in

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
