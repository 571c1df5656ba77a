from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="NetInsiderOut")



@_attrs_define
class NetInsiderOut:
    """ 
        Attributes:
            buyers (int):
            buys (int):
            net_shares (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            net_value_usd (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            other (int):
            sellers (int):
            sells (int):
            shares_bought (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            shares_sold (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            symbol (str):
            value_bought_usd (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            value_sold_usd (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    buyers: int
    buys: int
    net_shares: str
    net_value_usd: str
    other: int
    sellers: int
    sells: int
    shares_bought: str
    shares_sold: str
    symbol: str
    value_bought_usd: str
    value_sold_usd: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        buyers = self.buyers

        buys = self.buys

        net_shares = self.net_shares

        net_value_usd = self.net_value_usd

        other = self.other

        sellers = self.sellers

        sells = self.sells

        shares_bought = self.shares_bought

        shares_sold = self.shares_sold

        symbol = self.symbol

        value_bought_usd = self.value_bought_usd

        value_sold_usd = self.value_sold_usd


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "buyers": buyers,
            "buys": buys,
            "net_shares": net_shares,
            "net_value_usd": net_value_usd,
            "other": other,
            "sellers": sellers,
            "sells": sells,
            "shares_bought": shares_bought,
            "shares_sold": shares_sold,
            "symbol": symbol,
            "value_bought_usd": value_bought_usd,
            "value_sold_usd": value_sold_usd,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        buyers = d.pop("buyers")

        buys = d.pop("buys")

        net_shares = d.pop("net_shares")

        net_value_usd = d.pop("net_value_usd")

        other = d.pop("other")

        sellers = d.pop("sellers")

        sells = d.pop("sells")

        shares_bought = d.pop("shares_bought")

        shares_sold = d.pop("shares_sold")

        symbol = d.pop("symbol")

        value_bought_usd = d.pop("value_bought_usd")

        value_sold_usd = d.pop("value_sold_usd")

        net_insider_out = cls(
            buyers=buyers,
            buys=buys,
            net_shares=net_shares,
            net_value_usd=net_value_usd,
            other=other,
            sellers=sellers,
            sells=sells,
            shares_bought=shares_bought,
            shares_sold=shares_sold,
            symbol=symbol,
            value_bought_usd=value_bought_usd,
            value_sold_usd=value_sold_usd,
        )


        net_insider_out.additional_properties = d
        return net_insider_out

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
