from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.order_drift_out import OrderDriftOut
  from ..models.position_drift_out import PositionDriftOut





T = TypeVar("T", bound="AccountReportOut")



@_attrs_define
class AccountReportOut:
    """ 
        Attributes:
            account_id (str):
            checked_at (datetime.datetime):
            error (str):
            halted (bool):
            orders (list[OrderDriftOut]):
            positions (list[PositionDriftOut]):
            state (str):
     """

    account_id: str
    checked_at: datetime.datetime
    error: str
    halted: bool
    orders: list[OrderDriftOut]
    positions: list[PositionDriftOut]
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.order_drift_out import OrderDriftOut # noqa: PLC0415
        from ..models.position_drift_out import PositionDriftOut # noqa: PLC0415
        account_id = self.account_id

        checked_at = self.checked_at.isoformat()

        error = self.error

        halted = self.halted

        orders = []
        for orders_item_data in self.orders:
            orders_item = orders_item_data.to_dict()
            orders.append(orders_item)



        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)



        state = self.state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "checked_at": checked_at,
            "error": error,
            "halted": halted,
            "orders": orders,
            "positions": positions,
            "state": state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_drift_out import OrderDriftOut # noqa: PLC0415
        from ..models.position_drift_out import PositionDriftOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))




        error = d.pop("error")

        halted = d.pop("halted")

        orders = []
        _orders = d.pop("orders")
        for orders_item_data in (_orders):
            orders_item = OrderDriftOut.from_dict(orders_item_data)



            orders.append(orders_item)


        positions = []
        _positions = d.pop("positions")
        for positions_item_data in (_positions):
            positions_item = PositionDriftOut.from_dict(positions_item_data)



            positions.append(positions_item)


        state = d.pop("state")

        account_report_out = cls(
            account_id=account_id,
            checked_at=checked_at,
            error=error,
            halted=halted,
            orders=orders,
            positions=positions,
            state=state,
        )


        account_report_out.additional_properties = d
        return account_report_out

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
