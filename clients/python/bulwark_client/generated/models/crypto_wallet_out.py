from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CryptoWalletOut")



@_attrs_define
class CryptoWalletOut:
    """ 
        Attributes:
            address (str):
            chain_id (int):
            created_at (datetime.datetime):
            id (str):
            label (str):
            tokens (list[str]):
            updated_at (datetime.datetime):
     """

    address: str
    chain_id: int
    created_at: datetime.datetime
    id: str
    label: str
    tokens: list[str]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        chain_id = self.chain_id

        created_at = self.created_at.isoformat()

        id = self.id

        label = self.label

        tokens = self.tokens



        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "chain_id": chain_id,
            "created_at": created_at,
            "id": id,
            "label": label,
            "tokens": tokens,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        chain_id = d.pop("chain_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        label = d.pop("label")

        tokens = cast(list[str], d.pop("tokens"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        crypto_wallet_out = cls(
            address=address,
            chain_id=chain_id,
            created_at=created_at,
            id=id,
            label=label,
            tokens=tokens,
            updated_at=updated_at,
        )


        crypto_wallet_out.additional_properties = d
        return crypto_wallet_out

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
