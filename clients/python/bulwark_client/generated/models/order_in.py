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






T = TypeVar("T", bound="OrderIn")



@_attrs_define
class OrderIn:
    """ 
        Attributes:
            account_id (str):
            quantity (str): A positive quantity, at most 1e12, 10 decimal places; a decimal string such as "12.5"
            side (Side): Buy or sell; `sign` is +1 for a buy and -1 for a sell.
            symbol (str):
            algorithm (None | str | Unset): The model or algorithm that decided the order, e.g. `momentum-llm`
            algorithm_version (None | str | Unset): Its version, e.g. `2.3.1` or a model's checkpoint
            client_order_id (None | str | Unset):
            limit_price (None | str | Unset):
            order_type (OrderType | Unset): How the order is priced.
            reduce_only (bool | Unset):  Default: False.
            stop_price (None | str | Unset):
            strategy_id (None | str | Unset):
            time_in_force (TimeInForce | Unset): How long an order may rest.
     """

    account_id: str
    quantity: str
    side: Side
    symbol: str
    algorithm: None | str | Unset = UNSET
    algorithm_version: None | str | Unset = UNSET
    client_order_id: None | str | Unset = UNSET
    limit_price: None | str | Unset = UNSET
    order_type: OrderType | Unset = UNSET
    reduce_only: bool | Unset = False
    stop_price: None | str | Unset = UNSET
    strategy_id: None | str | Unset = UNSET
    time_in_force: TimeInForce | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        quantity = self.quantity

        side = self.side.value

        symbol = self.symbol

        algorithm: None | str | Unset
        if isinstance(self.algorithm, Unset):
            algorithm = UNSET
        else:
            algorithm = self.algorithm

        algorithm_version: None | str | Unset
        if isinstance(self.algorithm_version, Unset):
            algorithm_version = UNSET
        else:
            algorithm_version = self.algorithm_version

        client_order_id: None | str | Unset
        if isinstance(self.client_order_id, Unset):
            client_order_id = UNSET
        else:
            client_order_id = self.client_order_id

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
            "account_id": account_id,
            "quantity": quantity,
            "side": side,
            "symbol": symbol,
        })
        if algorithm is not UNSET:
            field_dict["algorithm"] = algorithm
        if algorithm_version is not UNSET:
            field_dict["algorithm_version"] = algorithm_version
        if client_order_id is not UNSET:
            field_dict["client_order_id"] = client_order_id
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
        account_id = d.pop("account_id")

        quantity = d.pop("quantity")

        side = Side(d.pop("side"))




        symbol = d.pop("symbol")

        def _parse_algorithm(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        algorithm = _parse_algorithm(d.pop("algorithm", UNSET))


        def _parse_algorithm_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        algorithm_version = _parse_algorithm_version(d.pop("algorithm_version", UNSET))


        def _parse_client_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_order_id = _parse_client_order_id(d.pop("client_order_id", UNSET))


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




        order_in = cls(
            account_id=account_id,
            quantity=quantity,
            side=side,
            symbol=symbol,
            algorithm=algorithm,
            algorithm_version=algorithm_version,
            client_order_id=client_order_id,
            limit_price=limit_price,
            order_type=order_type,
            reduce_only=reduce_only,
            stop_price=stop_price,
            strategy_id=strategy_id,
            time_in_force=time_in_force,
        )


        order_in.additional_properties = d
        return order_in

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
