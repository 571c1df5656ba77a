from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CryptoWalletIn")



@_attrs_define
class CryptoWalletIn:
    """ 
        Attributes:
            address (str): 0x and 40 hex digits
            chain_id (int): EIP-155 chain id (1 Ethereum, 137 Polygon)
            label (str | Unset): A name of yours Default: ''.
            tokens (list[str] | Unset): ERC-20 contract addresses, at most 50
     """

    address: str
    chain_id: int
    label: str | Unset = ''
    tokens: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        chain_id = self.chain_id

        label = self.label

        tokens: list[str] | Unset = UNSET
        if not isinstance(self.tokens, Unset):
            tokens = self.tokens




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "chain_id": chain_id,
        })
        if label is not UNSET:
            field_dict["label"] = label
        if tokens is not UNSET:
            field_dict["tokens"] = tokens

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        chain_id = d.pop("chain_id")

        label = d.pop("label", UNSET)

        tokens = cast(list[str], d.pop("tokens", UNSET))


        crypto_wallet_in = cls(
            address=address,
            chain_id=chain_id,
            label=label,
            tokens=tokens,
        )


        crypto_wallet_in.additional_properties = d
        return crypto_wallet_in

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
