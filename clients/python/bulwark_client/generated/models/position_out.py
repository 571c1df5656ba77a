from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PositionOut")



@_attrs_define
class PositionOut:
    """ 
        Attributes:
            average_price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never
                in exponent notation
            mark (None | str):
            market_value (None | str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            realized_pnl (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            symbol (str):
            unrealized_pnl (None | str):
     """

    average_price: str
    mark: None | str
    market_value: None | str
    quantity: str
    realized_pnl: str
    symbol: str
    unrealized_pnl: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        average_price = self.average_price

        mark: None | str
        mark = self.mark

        market_value: None | str
        market_value = self.market_value

        quantity = self.quantity

        realized_pnl = self.realized_pnl

        symbol = self.symbol

        unrealized_pnl: None | str
        unrealized_pnl = self.unrealized_pnl


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "average_price": average_price,
            "mark": mark,
            "market_value": market_value,
            "quantity": quantity,
            "realized_pnl": realized_pnl,
            "symbol": symbol,
            "unrealized_pnl": unrealized_pnl,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        average_price = d.pop("average_price")

        def _parse_mark(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mark = _parse_mark(d.pop("mark"))


        def _parse_market_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        market_value = _parse_market_value(d.pop("market_value"))


        quantity = d.pop("quantity")

        realized_pnl = d.pop("realized_pnl")

        symbol = d.pop("symbol")

        def _parse_unrealized_pnl(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unrealized_pnl = _parse_unrealized_pnl(d.pop("unrealized_pnl"))


        position_out = cls(
            average_price=average_price,
            mark=mark,
            market_value=market_value,
            quantity=quantity,
            realized_pnl=realized_pnl,
            symbol=symbol,
            unrealized_pnl=unrealized_pnl,
        )


        position_out.additional_properties = d
        return position_out

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
