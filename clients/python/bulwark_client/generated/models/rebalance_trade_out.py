from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rebalance_trade_out_side import RebalanceTradeOutSide
from typing import cast

if TYPE_CHECKING:
  from ..models.rebalance_lot_sale_out import RebalanceLotSaleOut





T = TypeVar("T", bound="RebalanceTradeOut")



@_attrs_define
class RebalanceTradeOut:
    """ 
        Attributes:
            account_id (str):
            lots (list[RebalanceLotSaleOut]):
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            side (RebalanceTradeOutSide):
            symbol (str):
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    account_id: str
    lots: list[RebalanceLotSaleOut]
    price: str
    quantity: str
    side: RebalanceTradeOutSide
    symbol: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rebalance_lot_sale_out import RebalanceLotSaleOut # noqa: PLC0415
        account_id = self.account_id

        lots = []
        for lots_item_data in self.lots:
            lots_item = lots_item_data.to_dict()
            lots.append(lots_item)



        price = self.price

        quantity = self.quantity

        side = self.side.value

        symbol = self.symbol

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "lots": lots,
            "price": price,
            "quantity": quantity,
            "side": side,
            "symbol": symbol,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rebalance_lot_sale_out import RebalanceLotSaleOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        lots = []
        _lots = d.pop("lots")
        for lots_item_data in (_lots):
            lots_item = RebalanceLotSaleOut.from_dict(lots_item_data)



            lots.append(lots_item)


        price = d.pop("price")

        quantity = d.pop("quantity")

        side = RebalanceTradeOutSide(d.pop("side"))




        symbol = d.pop("symbol")

        value = d.pop("value")

        rebalance_trade_out = cls(
            account_id=account_id,
            lots=lots,
            price=price,
            quantity=quantity,
            side=side,
            symbol=symbol,
            value=value,
        )


        rebalance_trade_out.additional_properties = d
        return rebalance_trade_out

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
