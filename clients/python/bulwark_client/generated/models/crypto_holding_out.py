from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CryptoHoldingOut")



@_attrs_define
class CryptoHoldingOut:
    """ 
        Attributes:
            amount (str):
            chain_id (int):
            token (None | str):
            wallet_id (str):
     """

    amount: str
    chain_id: int
    token: None | str
    wallet_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        chain_id = self.chain_id

        token: None | str
        token = self.token

        wallet_id = self.wallet_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "chain_id": chain_id,
            "token": token,
            "wallet_id": wallet_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        chain_id = d.pop("chain_id")

        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))


        wallet_id = d.pop("wallet_id")

        crypto_holding_out = cls(
            amount=amount,
            chain_id=chain_id,
            token=token,
            wallet_id=wallet_id,
        )


        crypto_holding_out.additional_properties = d
        return crypto_holding_out

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
