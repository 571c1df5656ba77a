from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_in_broker import AccountInBroker
from ..models.account_type import AccountType
from ..models.trading_type import TradingType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AccountIn")



@_attrs_define
class AccountIn:
    """ 
        Attributes:
            account_type (AccountType): The tax wrapper of an account (US retail vocabulary).
            base_currency (str):
            broker (AccountInBroker):
            name (str):
            trading_type (TradingType): MARGIN may borrow against its holdings; CASH pays for everything it buys.
            initial_cash (None | str | Unset):
     """

    account_type: AccountType
    base_currency: str
    broker: AccountInBroker
    name: str
    trading_type: TradingType
    initial_cash: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_type = self.account_type.value

        base_currency = self.base_currency

        broker = self.broker.value

        name = self.name

        trading_type = self.trading_type.value

        initial_cash: None | str | Unset
        if isinstance(self.initial_cash, Unset):
            initial_cash = UNSET
        else:
            initial_cash = self.initial_cash


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_type": account_type,
            "base_currency": base_currency,
            "broker": broker,
            "name": name,
            "trading_type": trading_type,
        })
        if initial_cash is not UNSET:
            field_dict["initial_cash"] = initial_cash

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_type = AccountType(d.pop("account_type"))




        base_currency = d.pop("base_currency")

        broker = AccountInBroker(d.pop("broker"))




        name = d.pop("name")

        trading_type = TradingType(d.pop("trading_type"))




        def _parse_initial_cash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        initial_cash = _parse_initial_cash(d.pop("initial_cash", UNSET))


        account_in = cls(
            account_type=account_type,
            base_currency=base_currency,
            broker=broker,
            name=name,
            trading_type=trading_type,
            initial_cash=initial_cash,
        )


        account_in.additional_properties = d
        return account_in

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
