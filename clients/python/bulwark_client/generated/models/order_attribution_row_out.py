from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="OrderAttributionRowOut")



@_attrs_define
class OrderAttributionRowOut:
    """ 
        Attributes:
            account_id (str):
            agent_id (None | str):
            algorithm (None | str):
            algorithm_version (None | str):
            approved_by (list[str]):
            average_fill_price (None | str):
            broker (str):
            broker_order_id (None | str):
            channel (str):
            client_id (None | str):
            client_order_id (str):
            created_at (None | str):
            decision (str):
            deny_reasons (list[str]):
            filled_quantity (None | str):
            hold_reasons (list[str]):
            limit_price (None | str):
            order_id (str):
            order_type (str):
            origin (str):
            origin_id (str):
            quantity (None | str):
            requested_quantity (None | str):
            responsible_id (None | str):
            side (str):
            status (str):
            stop_price (None | str):
            strategy_id (None | str):
            symbol (str):
            time_in_force (str):
     """

    account_id: str
    agent_id: None | str
    algorithm: None | str
    algorithm_version: None | str
    approved_by: list[str]
    average_fill_price: None | str
    broker: str
    broker_order_id: None | str
    channel: str
    client_id: None | str
    client_order_id: str
    created_at: None | str
    decision: str
    deny_reasons: list[str]
    filled_quantity: None | str
    hold_reasons: list[str]
    limit_price: None | str
    order_id: str
    order_type: str
    origin: str
    origin_id: str
    quantity: None | str
    requested_quantity: None | str
    responsible_id: None | str
    side: str
    status: str
    stop_price: None | str
    strategy_id: None | str
    symbol: str
    time_in_force: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        agent_id: None | str
        agent_id = self.agent_id

        algorithm: None | str
        algorithm = self.algorithm

        algorithm_version: None | str
        algorithm_version = self.algorithm_version

        approved_by = self.approved_by



        average_fill_price: None | str
        average_fill_price = self.average_fill_price

        broker = self.broker

        broker_order_id: None | str
        broker_order_id = self.broker_order_id

        channel = self.channel

        client_id: None | str
        client_id = self.client_id

        client_order_id = self.client_order_id

        created_at: None | str
        created_at = self.created_at

        decision = self.decision

        deny_reasons = self.deny_reasons



        filled_quantity: None | str
        filled_quantity = self.filled_quantity

        hold_reasons = self.hold_reasons



        limit_price: None | str
        limit_price = self.limit_price

        order_id = self.order_id

        order_type = self.order_type

        origin = self.origin

        origin_id = self.origin_id

        quantity: None | str
        quantity = self.quantity

        requested_quantity: None | str
        requested_quantity = self.requested_quantity

        responsible_id: None | str
        responsible_id = self.responsible_id

        side = self.side

        status = self.status

        stop_price: None | str
        stop_price = self.stop_price

        strategy_id: None | str
        strategy_id = self.strategy_id

        symbol = self.symbol

        time_in_force = self.time_in_force


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "agent_id": agent_id,
            "algorithm": algorithm,
            "algorithm_version": algorithm_version,
            "approved_by": approved_by,
            "average_fill_price": average_fill_price,
            "broker": broker,
            "broker_order_id": broker_order_id,
            "channel": channel,
            "client_id": client_id,
            "client_order_id": client_order_id,
            "created_at": created_at,
            "decision": decision,
            "deny_reasons": deny_reasons,
            "filled_quantity": filled_quantity,
            "hold_reasons": hold_reasons,
            "limit_price": limit_price,
            "order_id": order_id,
            "order_type": order_type,
            "origin": origin,
            "origin_id": origin_id,
            "quantity": quantity,
            "requested_quantity": requested_quantity,
            "responsible_id": responsible_id,
            "side": side,
            "status": status,
            "stop_price": stop_price,
            "strategy_id": strategy_id,
            "symbol": symbol,
            "time_in_force": time_in_force,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        def _parse_agent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agent_id = _parse_agent_id(d.pop("agent_id"))


        def _parse_algorithm(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        algorithm = _parse_algorithm(d.pop("algorithm"))


        def _parse_algorithm_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        algorithm_version = _parse_algorithm_version(d.pop("algorithm_version"))


        approved_by = cast(list[str], d.pop("approved_by"))


        def _parse_average_fill_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_fill_price = _parse_average_fill_price(d.pop("average_fill_price"))


        broker = d.pop("broker")

        def _parse_broker_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        broker_order_id = _parse_broker_order_id(d.pop("broker_order_id"))


        channel = d.pop("channel")

        def _parse_client_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_id = _parse_client_id(d.pop("client_id"))


        client_order_id = d.pop("client_order_id")

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))


        decision = d.pop("decision")

        deny_reasons = cast(list[str], d.pop("deny_reasons"))


        def _parse_filled_quantity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filled_quantity = _parse_filled_quantity(d.pop("filled_quantity"))


        hold_reasons = cast(list[str], d.pop("hold_reasons"))


        def _parse_limit_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        limit_price = _parse_limit_price(d.pop("limit_price"))


        order_id = d.pop("order_id")

        order_type = d.pop("order_type")

        origin = d.pop("origin")

        origin_id = d.pop("origin_id")

        def _parse_quantity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quantity = _parse_quantity(d.pop("quantity"))


        def _parse_requested_quantity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requested_quantity = _parse_requested_quantity(d.pop("requested_quantity"))


        def _parse_responsible_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        responsible_id = _parse_responsible_id(d.pop("responsible_id"))


        side = d.pop("side")

        status = d.pop("status")

        def _parse_stop_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stop_price = _parse_stop_price(d.pop("stop_price"))


        def _parse_strategy_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id"))


        symbol = d.pop("symbol")

        time_in_force = d.pop("time_in_force")

        order_attribution_row_out = cls(
            account_id=account_id,
            agent_id=agent_id,
            algorithm=algorithm,
            algorithm_version=algorithm_version,
            approved_by=approved_by,
            average_fill_price=average_fill_price,
            broker=broker,
            broker_order_id=broker_order_id,
            channel=channel,
            client_id=client_id,
            client_order_id=client_order_id,
            created_at=created_at,
            decision=decision,
            deny_reasons=deny_reasons,
            filled_quantity=filled_quantity,
            hold_reasons=hold_reasons,
            limit_price=limit_price,
            order_id=order_id,
            order_type=order_type,
            origin=origin,
            origin_id=origin_id,
            quantity=quantity,
            requested_quantity=requested_quantity,
            responsible_id=responsible_id,
            side=side,
            status=status,
            stop_price=stop_price,
            strategy_id=strategy_id,
            symbol=symbol,
            time_in_force=time_in_force,
        )


        order_attribution_row_out.additional_properties = d
        return order_attribution_row_out

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
