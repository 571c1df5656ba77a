from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.order_type import OrderType
from ..models.side import Side
from ..models.time_in_force import TimeInForce
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TradeIn")



@_attrs_define
class TradeIn:
    """ 
        Attributes:
            quantity (str): A positive quantity, at most 1e12, 10 decimal places; a decimal string such as "12.5"
            side (Side): Buy or sell; `sign` is +1 for a buy and -1 for a sell.
            symbol (str):
            limit_price (None | str | Unset):
            order_type (OrderType | Unset): How the order is priced.
            reduce_only (bool | Unset):  Default: False.
            stop_price (None | str | Unset):
            strategy_id (None | str | Unset):
            time_in_force (TimeInForce | Unset): How long an order may rest.
     """

    quantity: str
    side: Side
    symbol: str
    limit_price: None | str | Unset = UNSET
    order_type: OrderType | Unset = UNSET
    reduce_only: bool | Unset = False
    stop_price: None | str | Unset = UNSET
    strategy_id: None | str | Unset = UNSET
    time_in_force: TimeInForce | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        side = self.side.value

        symbol = self.symbol

        limit_price: None | str | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        order_type: str | Unset = UNSET
        if not isinstance(self.order_type, Unset):
            order_type = self.order_type.value


        reduce_only = self.reduce_only

        stop_price: None | str | Unset
        if isinstance(self.stop_price, Unset):
            stop_price = UNSET
        else:
            stop_price = self.stop_price

        strategy_id: None | str | Unset
        if isinstance(self.strategy_id, Unset):
            strategy_id = UNSET
        else:
            strategy_id = self.strategy_id

        time_in_force: str | Unset = UNSET
        if not isinstance(self.time_in_force, Unset):
            time_in_force = self.time_in_force.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "quantity": quantity,
            "side": side,
            "symbol": symbol,
        })
        if limit_price is not UNSET:
            field_dict["limit_price"] = limit_price
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if reduce_only is not UNSET:
            field_dict["reduce_only"] = reduce_only
        if stop_price is not UNSET:
            field_dict["stop_price"] = stop_price
        if strategy_id is not UNSET:
            field_dict["strategy_id"] = strategy_id
        if time_in_force is not UNSET:
            field_dict["time_in_force"] = time_in_force

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity")

        side = Side(d.pop("side"))




        symbol = d.pop("symbol")

        def _parse_limit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        limit_price = _parse_limit_price(d.pop("limit_price", UNSET))


        _order_type = d.pop("order_type", UNSET)
        order_type: OrderType | Unset
        if isinstance(_order_type,  Unset):
            order_type = UNSET
        else:
            order_type = OrderType(_order_type)




        reduce_only = d.pop("reduce_only", UNSET)

        def _parse_stop_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stop_price = _parse_stop_price(d.pop("stop_price", UNSET))


        def _parse_strategy_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id", UNSET))


        _time_in_force = d.pop("time_in_force", UNSET)
        time_in_force: TimeInForce | Unset
        if isinstance(_time_in_force,  Unset):
            time_in_force = UNSET
        else:
            time_in_force = TimeInForce(_time_in_force)




        trade_in = cls(
            quantity=quantity,
            side=side,
            symbol=symbol,
            limit_price=limit_price,
            order_type=order_type,
            reduce_only=reduce_only,
            stop_price=stop_price,
            strategy_id=strategy_id,
            time_in_force=time_in_force,
        )


        trade_in.additional_properties = d
        return trade_in

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
