from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import Literal, cast






T = TypeVar("T", bound="BrokerCredentialsIn")



@_attrs_define
class BrokerCredentialsIn:
    """ 
        Attributes:
            broker (Literal['alpaca']):
            key_id (str):
            secret_key (str):
            paper (bool | Unset):  Default: True.
     """

    broker: Literal['alpaca']
    key_id: str
    secret_key: str
    paper: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        broker = self.broker

        key_id = self.key_id

        secret_key = self.secret_key

        paper = self.paper


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "broker": broker,
            "key_id": key_id,
            "secret_key": secret_key,
        })
        if paper is not UNSET:
            field_dict["paper"] = paper

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        broker = cast(Literal['alpaca'] , d.pop("broker"))
        if broker != 'alpaca':
            raise ValueError(f"broker must match const 'alpaca', got '{broker}'")

        key_id = d.pop("key_id")

        secret_key = d.pop("secret_key")

        paper = d.pop("paper", UNSET)

        broker_credentials_in = cls(
            broker=broker,
            key_id=key_id,
            secret_key=secret_key,
            paper=paper,
        )


        broker_credentials_in.additional_properties = d
        return broker_credentials_in

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
