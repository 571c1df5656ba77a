from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="WalletAssetOut")



@_attrs_define
class WalletAssetOut:
    """ 
        Attributes:
            amount (str):
            decimals (int):
            kind (str):
            price (None | str):
            raw (str):
            symbol (None | str):
            token (None | str):
            value (None | str):
     """

    amount: str
    decimals: int
    kind: str
    price: None | str
    raw: str
    symbol: None | str
    token: None | str
    value: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        decimals = self.decimals

        kind = self.kind

        price: None | str
        price = self.price

        raw = self.raw

        symbol: None | str
        symbol = self.symbol

        token: None | str
        token = self.token

        value: None | str
        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "decimals": decimals,
            "kind": kind,
            "price": price,
            "raw": raw,
            "symbol": symbol,
            "token": token,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        decimals = d.pop("decimals")

        kind = d.pop("kind")

        def _parse_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price = _parse_price(d.pop("price"))


        raw = d.pop("raw")

        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))


        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))


        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))


        wallet_asset_out = cls(
            amount=amount,
            decimals=decimals,
            kind=kind,
            price=price,
            raw=raw,
            symbol=symbol,
            token=token,
            value=value,
        )


        wallet_asset_out.additional_properties = d
        return wallet_asset_out

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
