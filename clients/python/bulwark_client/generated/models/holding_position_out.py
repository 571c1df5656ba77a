from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.open_lot_out import OpenLotOut





T = TypeVar("T", bound="HoldingPositionOut")



@_attrs_define
class HoldingPositionOut:
    """ 
        Attributes:
            cost_basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            currency (str):
            lots (list[OpenLotOut]):
            market_value (None | str):
            price (None | str): Reference price; null when none is known
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            symbol (str):
            unrealized_gain (None | str):
     """

    cost_basis: str
    currency: str
    lots: list[OpenLotOut]
    market_value: None | str
    price: None | str
    quantity: str
    symbol: str
    unrealized_gain: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.open_lot_out import OpenLotOut # noqa: PLC0415
        cost_basis = self.cost_basis

        currency = self.currency

        lots = []
        for lots_item_data in self.lots:
            lots_item = lots_item_data.to_dict()
            lots.append(lots_item)



        market_value: None | str
        market_value = self.market_value

        price: None | str
        price = self.price

        quantity = self.quantity

        symbol = self.symbol

        unrealized_gain: None | str
        unrealized_gain = self.unrealized_gain


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cost_basis": cost_basis,
            "currency": currency,
            "lots": lots,
            "market_value": market_value,
            "price": price,
            "quantity": quantity,
            "symbol": symbol,
            "unrealized_gain": unrealized_gain,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.open_lot_out import OpenLotOut # noqa: PLC0415
        d = dict(src_dict)
        cost_basis = d.pop("cost_basis")

        currency = d.pop("currency")

        lots = []
        _lots = d.pop("lots")
        for lots_item_data in (_lots):
            lots_item = OpenLotOut.from_dict(lots_item_data)



            lots.append(lots_item)


        def _parse_market_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        market_value = _parse_market_value(d.pop("market_value"))


        def _parse_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price = _parse_price(d.pop("price"))


        quantity = d.pop("quantity")

        symbol = d.pop("symbol")

        def _parse_unrealized_gain(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unrealized_gain = _parse_unrealized_gain(d.pop("unrealized_gain"))


        holding_position_out = cls(
            cost_basis=cost_basis,
            currency=currency,
            lots=lots,
            market_value=market_value,
            price=price,
            quantity=quantity,
            symbol=symbol,
            unrealized_gain=unrealized_gain,
        )


        holding_position_out.additional_properties = d
        return holding_position_out

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
