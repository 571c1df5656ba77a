from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.adopted_order_out import AdoptedOrderOut
  from ..models.position_change_out import PositionChangeOut
  from ..models.skipped_out import SkippedOut





T = TypeVar("T", bound="SyncReportOut")



@_attrs_define
class SyncReportOut:
    """ 
        Attributes:
            account_id (str):
            broker (str):
            broker_equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            cash_after (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            cash_before (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            orders_adopted (list[AdoptedOrderOut]):
            orders_known (int):
            positions_added (list[PositionChangeOut]):
            positions_changed (list[PositionChangeOut]):
            positions_removed (list[PositionChangeOut]):
            positions_unchanged (int):
            skipped (list[SkippedOut]):
            synced_at (datetime.datetime):
     """

    account_id: str
    broker: str
    broker_equity: str
    cash_after: str
    cash_before: str
    orders_adopted: list[AdoptedOrderOut]
    orders_known: int
    positions_added: list[PositionChangeOut]
    positions_changed: list[PositionChangeOut]
    positions_removed: list[PositionChangeOut]
    positions_unchanged: int
    skipped: list[SkippedOut]
    synced_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.adopted_order_out import AdoptedOrderOut # noqa: PLC0415
        from ..models.position_change_out import PositionChangeOut # noqa: PLC0415
        from ..models.skipped_out import SkippedOut # noqa: PLC0415
        account_id = self.account_id

        broker = self.broker

        broker_equity = self.broker_equity

        cash_after = self.cash_after

        cash_before = self.cash_before

        orders_adopted = []
        for orders_adopted_item_data in self.orders_adopted:
            orders_adopted_item = orders_adopted_item_data.to_dict()
            orders_adopted.append(orders_adopted_item)



        orders_known = self.orders_known

        positions_added = []
        for positions_added_item_data in self.positions_added:
            positions_added_item = positions_added_item_data.to_dict()
            positions_added.append(positions_added_item)



        positions_changed = []
        for positions_changed_item_data in self.positions_changed:
            positions_changed_item = positions_changed_item_data.to_dict()
            positions_changed.append(positions_changed_item)



        positions_removed = []
        for positions_removed_item_data in self.positions_removed:
            positions_removed_item = positions_removed_item_data.to_dict()
            positions_removed.append(positions_removed_item)



        positions_unchanged = self.positions_unchanged

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)



        synced_at = self.synced_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "broker": broker,
            "broker_equity": broker_equity,
            "cash_after": cash_after,
            "cash_before": cash_before,
            "orders_adopted": orders_adopted,
            "orders_known": orders_known,
            "positions_added": positions_added,
            "positions_changed": positions_changed,
            "positions_removed": positions_removed,
            "positions_unchanged": positions_unchanged,
            "skipped": skipped,
            "synced_at": synced_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adopted_order_out import AdoptedOrderOut # noqa: PLC0415
        from ..models.position_change_out import PositionChangeOut # noqa: PLC0415
        from ..models.skipped_out import SkippedOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        broker = d.pop("broker")

        broker_equity = d.pop("broker_equity")

        cash_after = d.pop("cash_after")

        cash_before = d.pop("cash_before")

        orders_adopted = []
        _orders_adopted = d.pop("orders_adopted")
        for orders_adopted_item_data in (_orders_adopted):
            orders_adopted_item = AdoptedOrderOut.from_dict(orders_adopted_item_data)



            orders_adopted.append(orders_adopted_item)


        orders_known = d.pop("orders_known")

        positions_added = []
        _positions_added = d.pop("positions_added")
        for positions_added_item_data in (_positions_added):
            positions_added_item = PositionChangeOut.from_dict(positions_added_item_data)



            positions_added.append(positions_added_item)


        positions_changed = []
        _positions_changed = d.pop("positions_changed")
        for positions_changed_item_data in (_positions_changed):
            positions_changed_item = PositionChangeOut.from_dict(positions_changed_item_data)



            positions_changed.append(positions_changed_item)


        positions_removed = []
        _positions_removed = d.pop("positions_removed")
        for positions_removed_item_data in (_positions_removed):
            positions_removed_item = PositionChangeOut.from_dict(positions_removed_item_data)



            positions_removed.append(positions_removed_item)


        positions_unchanged = d.pop("positions_unchanged")

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in (_skipped):
            skipped_item = SkippedOut.from_dict(skipped_item_data)



            skipped.append(skipped_item)


        synced_at = datetime.datetime.fromisoformat(d.pop("synced_at"))




        sync_report_out = cls(
            account_id=account_id,
            broker=broker,
            broker_equity=broker_equity,
            cash_after=cash_after,
            cash_before=cash_before,
            orders_adopted=orders_adopted,
            orders_known=orders_known,
            positions_added=positions_added,
            positions_changed=positions_changed,
            positions_removed=positions_removed,
            positions_unchanged=positions_unchanged,
            skipped=skipped,
            synced_at=synced_at,
        )


        sync_report_out.additional_properties = d
        return sync_report_out

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
