from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.order_status import OrderStatus
from ..models.order_type import OrderType
from ..models.side import Side
from ..models.time_in_force import TimeInForce
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.approval_out import ApprovalOut
  from ..models.order_attribution_out import OrderAttributionOut





T = TypeVar("T", bound="OrderOut")



@_attrs_define
class OrderOut:
    """ 
        Attributes:
            account_id (str):
            average_fill_price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even,
                never in exponent notation
            broker (str):
            client_order_id (str):
            filled_quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            id (str):
            order_type (OrderType): How the order is priced.
            origin_id (str):
            origin_kind (str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            reduce_only (bool):
            side (Side): Buy or sell; `sign` is +1 for a buy and -1 for a sell.
            status (OrderStatus): Lifecycle states; see `TRANSITIONS` for the legal edges.
            symbol (str):
            time_in_force (TimeInForce): How long an order may rest.
            approvals (list[ApprovalOut] | Unset):
            attribution (None | OrderAttributionOut | Unset):
            broker_order_id (None | str | Unset):
            created_at (datetime.datetime | None | Unset):
            deny_reasons (list[str] | Unset):
            hold_reasons (list[str] | Unset):
            limit_price (None | str | Unset):
            origin_channel (str | Unset):  Default: 'api'.
            requested_quantity (None | str | Unset):
            stop_price (None | str | Unset):
     """

    account_id: str
    average_fill_price: str
    broker: str
    client_order_id: str
    filled_quantity: str
    id: str
    order_type: OrderType
    origin_id: str
    origin_kind: str
    quantity: str
    reduce_only: bool
    side: Side
    status: OrderStatus
    symbol: str
    time_in_force: TimeInForce
    approvals: list[ApprovalOut] | Unset = UNSET
    attribution: None | OrderAttributionOut | Unset = UNSET
    broker_order_id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    deny_reasons: list[str] | Unset = UNSET
    hold_reasons: list[str] | Unset = UNSET
    limit_price: None | str | Unset = UNSET
    origin_channel: str | Unset = 'api'
    requested_quantity: None | str | Unset = UNSET
    stop_price: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_out import ApprovalOut # noqa: PLC0415
        from ..models.order_attribution_out import OrderAttributionOut # noqa: PLC0415
        account_id = self.account_id

        average_fill_price = self.average_fill_price

        broker = self.broker

        client_order_id = self.client_order_id

        filled_quantity = self.filled_quantity

        id = self.id

        order_type = self.order_type.value

        origin_id = self.origin_id

        origin_kind = self.origin_kind

        quantity = self.quantity

        reduce_only = self.reduce_only

        side = self.side.value

        status = self.status.value

        symbol = self.symbol

        time_in_force = self.time_in_force.value

        approvals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.approvals, Unset):
            approvals = []
            for approvals_item_data in self.approvals:
                approvals_item = approvals_item_data.to_dict()
                approvals.append(approvals_item)



        attribution: dict[str, Any] | None | Unset
        if isinstance(self.attribution, Unset):
            attribution = UNSET
        elif isinstance(self.attribution, OrderAttributionOut):
            attribution = self.attribution.to_dict()
        else:
            attribution = self.attribution

        broker_order_id: None | str | Unset
        if isinstance(self.broker_order_id, Unset):
            broker_order_id = UNSET
        else:
            broker_order_id = self.broker_order_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        deny_reasons: list[str] | Unset = UNSET
        if not isinstance(self.deny_reasons, Unset):
            deny_reasons = self.deny_reasons



        hold_reasons: list[str] | Unset = UNSET
        if not isinstance(self.hold_reasons, Unset):
            hold_reasons = self.hold_reasons



        limit_price: None | str | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        origin_channel = self.origin_channel

        requested_quantity: None | str | Unset
        if isinstance(self.requested_quantity, Unset):
            requested_quantity = UNSET
        else:
            requested_quantity = self.requested_quantity

        stop_price: None | str | Unset
        if isinstance(self.stop_price, Unset):
            stop_price = UNSET
        else:
            stop_price = self.stop_price


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "average_fill_price": average_fill_price,
            "broker": broker,
            "client_order_id": client_order_id,
            "filled_quantity": filled_quantity,
            "id": id,
            "order_type": order_type,
            "origin_id": origin_id,
            "origin_kind": origin_kind,
            "quantity": quantity,
            "reduce_only": reduce_only,
            "side": side,
            "status": status,
            "symbol": symbol,
            "time_in_force": time_in_force,
        })
        if approvals is not UNSET:
            field_dict["approvals"] = approvals
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if broker_order_id is not UNSET:
            field_dict["broker_order_id"] = broker_order_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deny_reasons is not UNSET:
            field_dict["deny_reasons"] = deny_reasons
        if hold_reasons is not UNSET:
            field_dict["hold_reasons"] = hold_reasons
        if limit_price is not UNSET:
            field_dict["limit_price"] = limit_price
        if origin_channel is not UNSET:
            field_dict["origin_channel"] = origin_channel
        if requested_quantity is not UNSET:
            field_dict["requested_quantity"] = requested_quantity
        if stop_price is not UNSET:
            field_dict["stop_price"] = stop_price

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_out import ApprovalOut # noqa: PLC0415
        from ..models.order_attribution_out import OrderAttributionOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        average_fill_price = d.pop("average_fill_price")

        broker = d.pop("broker")

        client_order_id = d.pop("client_order_id")

        filled_quantity = d.pop("filled_quantity")

        id = d.pop("id")

        order_type = OrderType(d.pop("order_type"))




        origin_id = d.pop("origin_id")

        origin_kind = d.pop("origin_kind")

        quantity = d.pop("quantity")

        reduce_only = d.pop("reduce_only")

        side = Side(d.pop("side"))




        status = OrderStatus(d.pop("status"))




        symbol = d.pop("symbol")

        time_in_force = TimeInForce(d.pop("time_in_force"))




        _approvals = d.pop("approvals", UNSET)
        approvals: list[ApprovalOut] | Unset = UNSET
        if _approvals is not UNSET:
            approvals = []
            for approvals_item_data in _approvals:
                approvals_item = ApprovalOut.from_dict(approvals_item_data)



                approvals.append(approvals_item)


        def _parse_attribution(data: object) -> None | OrderAttributionOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attribution_type_0 = OrderAttributionOut.from_dict(data)



                return attribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderAttributionOut | Unset, data)

        attribution = _parse_attribution(d.pop("attribution", UNSET))


        def _parse_broker_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        broker_order_id = _parse_broker_order_id(d.pop("broker_order_id", UNSET))


        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))


        deny_reasons = cast(list[str], d.pop("deny_reasons", UNSET))


        hold_reasons = cast(list[str], d.pop("hold_reasons", UNSET))


        def _parse_limit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        limit_price = _parse_limit_price(d.pop("limit_price", UNSET))


        origin_channel = d.pop("origin_channel", UNSET)

        def _parse_requested_quantity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_quantity = _parse_requested_quantity(d.pop("requested_quantity", UNSET))


        def _parse_stop_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stop_price = _parse_stop_price(d.pop("stop_price", UNSET))


        order_out = cls(
            account_id=account_id,
            average_fill_price=average_fill_price,
            broker=broker,
            client_order_id=client_order_id,
            filled_quantity=filled_quantity,
            id=id,
            order_type=order_type,
            origin_id=origin_id,
            origin_kind=origin_kind,
            quantity=quantity,
            reduce_only=reduce_only,
            side=side,
            status=status,
            symbol=symbol,
            time_in_force=time_in_force,
            approvals=approvals,
            attribution=attribution,
            broker_order_id=broker_order_id,
            created_at=created_at,
            deny_reasons=deny_reasons,
            hold_reasons=hold_reasons,
            limit_price=limit_price,
            origin_channel=origin_channel,
            requested_quantity=requested_quantity,
            stop_price=stop_price,
        )


        order_out.additional_properties = d
        return order_out

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
