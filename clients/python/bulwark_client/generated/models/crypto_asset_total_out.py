from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.crypto_holding_out import CryptoHoldingOut





T = TypeVar("T", bound="CryptoAssetTotalOut")



@_attrs_define
class CryptoAssetTotalOut:
    """ 
        Attributes:
            amount (str):
            asset (str):
            holdings (list[CryptoHoldingOut]):
            price (None | str):
            share (None | str):
            symbol (None | str):
            value (None | str):
     """

    amount: str
    asset: str
    holdings: list[CryptoHoldingOut]
    price: None | str
    share: None | str
    symbol: None | str
    value: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.crypto_holding_out import CryptoHoldingOut # noqa: PLC0415
        amount = self.amount

        asset = self.asset

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        price: None | str
        price = self.price

        share: None | str
        share = self.share

        symbol: None | str
        symbol = self.symbol

        value: None | str
        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "asset": asset,
            "holdings": holdings,
            "price": price,
            "share": share,
            "symbol": symbol,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crypto_holding_out import CryptoHoldingOut # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        asset = d.pop("asset")

        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = CryptoHoldingOut.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        def _parse_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price = _parse_price(d.pop("price"))


        def _parse_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        share = _parse_share(d.pop("share"))


        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))


        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))


        crypto_asset_total_out = cls(
            amount=amount,
            asset=asset,
            holdings=holdings,
            price=price,
            share=share,
            symbol=symbol,
            value=value,
        )


        crypto_asset_total_out.additional_properties = d
        return crypto_asset_total_out

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
