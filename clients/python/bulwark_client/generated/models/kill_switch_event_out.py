from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.broker_outcome_out import BrokerOutcomeOut
  from ..models.scope_out import ScopeOut
  from ..models.unconfirmed_order_out import UnconfirmedOrderOut





T = TypeVar("T", bound="KillSwitchEventOut")



@_attrs_define
class KillSwitchEventOut:
    """ 
        Attributes:
            broadcast_at (datetime.datetime):
            broker_confirmed (bool):
            brokers (list[BrokerOutcomeOut]):
            elapsed_ms (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            flatten (bool):
            halted_at (datetime.datetime):
            id (str):
            orders_cancelled (int):
            reason (str):
            scope (ScopeOut):
            trigger (str):
            triggered_at (datetime.datetime):
            triggered_by (str):
            unconfirmed_brokers (list[str]):
            cancel_sent_at (datetime.datetime | None | Unset):
            confirmed_at (datetime.datetime | None | Unset):
            held_rejected (int | Unset):  Default: 0.
            store_unavailable (bool | Unset):  Default: False.
            unconfirmed_orders (list[UnconfirmedOrderOut] | Unset):
     """

    broadcast_at: datetime.datetime
    broker_confirmed: bool
    brokers: list[BrokerOutcomeOut]
    elapsed_ms: float
    flatten: bool
    halted_at: datetime.datetime
    id: str
    orders_cancelled: int
    reason: str
    scope: ScopeOut
    trigger: str
    triggered_at: datetime.datetime
    triggered_by: str
    unconfirmed_brokers: list[str]
    cancel_sent_at: datetime.datetime | None | Unset = UNSET
    confirmed_at: datetime.datetime | None | Unset = UNSET
    held_rejected: int | Unset = 0
    store_unavailable: bool | Unset = False
    unconfirmed_orders: list[UnconfirmedOrderOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.broker_outcome_out import BrokerOutcomeOut # noqa: PLC0415
        from ..models.scope_out import ScopeOut # noqa: PLC0415
        from ..models.unconfirmed_order_out import UnconfirmedOrderOut # noqa: PLC0415
        broadcast_at = self.broadcast_at.isoformat()

        broker_confirmed = self.broker_confirmed

        brokers = []
        for brokers_item_data in self.brokers:
            brokers_item = brokers_item_data.to_dict()
            brokers.append(brokers_item)



        elapsed_ms = self.elapsed_ms

        flatten = self.flatten

        halted_at = self.halted_at.isoformat()

        id = self.id

        orders_cancelled = self.orders_cancelled

        reason = self.reason

        scope = self.scope.to_dict()

        trigger = self.trigger

        triggered_at = self.triggered_at.isoformat()

        triggered_by = self.triggered_by

        unconfirmed_brokers = self.unconfirmed_brokers



        cancel_sent_at: None | str | Unset
        if isinstance(self.cancel_sent_at, Unset):
            cancel_sent_at = UNSET
        elif isinstance(self.cancel_sent_at, datetime.datetime):
            cancel_sent_at = self.cancel_sent_at.isoformat()
        else:
            cancel_sent_at = self.cancel_sent_at

        confirmed_at: None | str | Unset
        if isinstance(self.confirmed_at, Unset):
            confirmed_at = UNSET
        elif isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        held_rejected = self.held_rejected

        store_unavailable = self.store_unavailable

        unconfirmed_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unconfirmed_orders, Unset):
            unconfirmed_orders = []
            for unconfirmed_orders_item_data in self.unconfirmed_orders:
                unconfirmed_orders_item = unconfirmed_orders_item_data.to_dict()
                unconfirmed_orders.append(unconfirmed_orders_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "broadcast_at": broadcast_at,
            "broker_confirmed": broker_confirmed,
            "brokers": brokers,
            "elapsed_ms": elapsed_ms,
            "flatten": flatten,
            "halted_at": halted_at,
            "id": id,
            "orders_cancelled": orders_cancelled,
            "reason": reason,
            "scope": scope,
            "trigger": trigger,
            "triggered_at": triggered_at,
            "triggered_by": triggered_by,
            "unconfirmed_brokers": unconfirmed_brokers,
        })
        if cancel_sent_at is not UNSET:
            field_dict["cancel_sent_at"] = cancel_sent_at
        if confirmed_at is not UNSET:
            field_dict["confirmed_at"] = confirmed_at
        if held_rejected is not UNSET:
            field_dict["held_rejected"] = held_rejected
        if store_unavailable is not UNSET:
            field_dict["store_unavailable"] = store_unavailable
        if unconfirmed_orders is not UNSET:
            field_dict["unconfirmed_orders"] = unconfirmed_orders

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.broker_outcome_out import BrokerOutcomeOut # noqa: PLC0415
        from ..models.scope_out import ScopeOut # noqa: PLC0415
        from ..models.unconfirmed_order_out import UnconfirmedOrderOut # noqa: PLC0415
        d = dict(src_dict)
        broadcast_at = datetime.datetime.fromisoformat(d.pop("broadcast_at"))




        broker_confirmed = d.pop("broker_confirmed")

        brokers = []
        _brokers = d.pop("brokers")
        for brokers_item_data in (_brokers):
            brokers_item = BrokerOutcomeOut.from_dict(brokers_item_data)



            brokers.append(brokers_item)


        elapsed_ms = d.pop("elapsed_ms")

        flatten = d.pop("flatten")

        halted_at = datetime.datetime.fromisoformat(d.pop("halted_at"))




        id = d.pop("id")

        orders_cancelled = d.pop("orders_cancelled")

        reason = d.pop("reason")

        scope = ScopeOut.from_dict(d.pop("scope"))




        trigger = d.pop("trigger")

        triggered_at = datetime.datetime.fromisoformat(d.pop("triggered_at"))




        triggered_by = d.pop("triggered_by")

        unconfirmed_brokers = cast(list[str], d.pop("unconfirmed_brokers"))


        def _parse_cancel_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancel_sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return cancel_sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancel_sent_at = _parse_cancel_sent_at(d.pop("cancel_sent_at", UNSET))


        def _parse_confirmed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)



                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at", UNSET))


        held_rejected = d.pop("held_rejected", UNSET)

        store_unavailable = d.pop("store_unavailable", UNSET)

        _unconfirmed_orders = d.pop("unconfirmed_orders", UNSET)
        unconfirmed_orders: list[UnconfirmedOrderOut] | Unset = UNSET
        if _unconfirmed_orders is not UNSET:
            unconfirmed_orders = []
            for unconfirmed_orders_item_data in _unconfirmed_orders:
                unconfirmed_orders_item = UnconfirmedOrderOut.from_dict(unconfirmed_orders_item_data)



                unconfirmed_orders.append(unconfirmed_orders_item)


        kill_switch_event_out = cls(
            broadcast_at=broadcast_at,
            broker_confirmed=broker_confirmed,
            brokers=brokers,
            elapsed_ms=elapsed_ms,
            flatten=flatten,
            halted_at=halted_at,
            id=id,
            orders_cancelled=orders_cancelled,
            reason=reason,
            scope=scope,
            trigger=trigger,
            triggered_at=triggered_at,
            triggered_by=triggered_by,
            unconfirmed_brokers=unconfirmed_brokers,
            cancel_sent_at=cancel_sent_at,
            confirmed_at=confirmed_at,
            held_rejected=held_rejected,
            store_unavailable=store_unavailable,
            unconfirmed_orders=unconfirmed_orders,
        )


        kill_switch_event_out.additional_properties = d
        return kill_switch_event_out

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
