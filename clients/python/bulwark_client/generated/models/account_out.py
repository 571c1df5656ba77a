from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_status import AccountStatus
from ..models.account_type import AccountType
from ..models.trading_type import TradingType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.account_out_target_allocation import AccountOutTargetAllocation





T = TypeVar("T", bound="AccountOut")



@_attrs_define
class AccountOut:
    """ 
        Attributes:
            account_type (AccountType): The tax wrapper of an account (US retail vocabulary).
            broker (str):
            buying_power (None | str):
            cash (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            created_at (datetime.datetime | None):
            currency (str):
            day_pnl (None | str):
            equity (None | str):
            id (str):
            name (str):
            open_orders (int):
            owner_id (str):
            peak_equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            positions (int):
            start_of_day_equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            status (AccountStatus): OPEN trades; CLOSED and ARCHIVED keep their history and trade no more.
            target_allocation (AccountOutTargetAllocation):
            trading_type (TradingType): MARGIN may borrow against its holdings; CASH pays for everything it buys.
     """

    account_type: AccountType
    broker: str
    buying_power: None | str
    cash: str
    created_at: datetime.datetime | None
    currency: str
    day_pnl: None | str
    equity: None | str
    id: str
    name: str
    open_orders: int
    owner_id: str
    peak_equity: str
    positions: int
    start_of_day_equity: str
    status: AccountStatus
    target_allocation: AccountOutTargetAllocation
    trading_type: TradingType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_out_target_allocation import AccountOutTargetAllocation # noqa: PLC0415
        account_type = self.account_type.value

        broker = self.broker

        buying_power: None | str
        buying_power = self.buying_power

        cash = self.cash

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        currency = self.currency

        day_pnl: None | str
        day_pnl = self.day_pnl

        equity: None | str
        equity = self.equity

        id = self.id

        name = self.name

        open_orders = self.open_orders

        owner_id = self.owner_id

        peak_equity = self.peak_equity

        positions = self.positions

        start_of_day_equity = self.start_of_day_equity

        status = self.status.value

        target_allocation = self.target_allocation.to_dict()

        trading_type = self.trading_type.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_type": account_type,
            "broker": broker,
            "buying_power": buying_power,
            "cash": cash,
            "created_at": created_at,
            "currency": currency,
            "day_pnl": day_pnl,
            "equity": equity,
            "id": id,
            "name": name,
            "open_orders": open_orders,
            "owner_id": owner_id,
            "peak_equity": peak_equity,
            "positions": positions,
            "start_of_day_equity": start_of_day_equity,
            "status": status,
            "target_allocation": target_allocation,
            "trading_type": trading_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_out_target_allocation import AccountOutTargetAllocation # noqa: PLC0415
        d = dict(src_dict)
        account_type = AccountType(d.pop("account_type"))




        broker = d.pop("broker")

        def _parse_buying_power(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        buying_power = _parse_buying_power(d.pop("buying_power"))


        cash = d.pop("cash")

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))


        currency = d.pop("currency")

        def _parse_day_pnl(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        day_pnl = _parse_day_pnl(d.pop("day_pnl"))


        def _parse_equity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        equity = _parse_equity(d.pop("equity"))


        id = d.pop("id")

        name = d.pop("name")

        open_orders = d.pop("open_orders")

        owner_id = d.pop("owner_id")

        peak_equity = d.pop("peak_equity")

        positions = d.pop("positions")

        start_of_day_equity = d.pop("start_of_day_equity")

        status = AccountStatus(d.pop("status"))




        target_allocation = AccountOutTargetAllocation.from_dict(d.pop("target_allocation"))




        trading_type = TradingType(d.pop("trading_type"))




        account_out = cls(
            account_type=account_type,
            broker=broker,
            buying_power=buying_power,
            cash=cash,
            created_at=created_at,
            currency=currency,
            day_pnl=day_pnl,
            equity=equity,
            id=id,
            name=name,
            open_orders=open_orders,
            owner_id=owner_id,
            peak_equity=peak_equity,
            positions=positions,
            start_of_day_equity=start_of_day_equity,
            status=status,
            target_allocation=target_allocation,
            trading_type=trading_type,
        )


        account_out.additional_properties = d
        return account_out

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
