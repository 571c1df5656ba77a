from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_in_broker_type_1 import AccountInBrokerType1
from ..models.account_in_broker_type_2_type_1 import AccountInBrokerType2Type1
from ..models.account_in_broker_type_3_type_1 import AccountInBrokerType3Type1
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
            name (str):
            trading_type (TradingType): MARGIN may borrow against its holdings; CASH pays for everything it buys.
            broker (AccountInBrokerType1 | AccountInBrokerType2Type1 | AccountInBrokerType3Type1 | None | Unset):
            connection_id (None | str | Unset):
            initial_cash (None | str | Unset):
     """

    account_type: AccountType
    base_currency: str
    name: str
    trading_type: TradingType
    broker: AccountInBrokerType1 | AccountInBrokerType2Type1 | AccountInBrokerType3Type1 | None | Unset = UNSET
    connection_id: None | str | Unset = UNSET
    initial_cash: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_type = self.account_type.value

        base_currency = self.base_currency

        name = self.name

        trading_type = self.trading_type.value

        broker: None | str | Unset
        if isinstance(self.broker, Unset):
            broker = UNSET
        elif isinstance(self.broker, AccountInBrokerType1):
            broker = self.broker.value
        elif isinstance(self.broker, AccountInBrokerType2Type1):
            broker = self.broker.value
        elif isinstance(self.broker, AccountInBrokerType3Type1):
            broker = self.broker.value
        else:
            broker = self.broker

        connection_id: None | str | Unset
        if isinstance(self.connection_id, Unset):
            connection_id = UNSET
        else:
            connection_id = self.connection_id

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
            "name": name,
            "trading_type": trading_type,
        })
        if broker is not UNSET:
            field_dict["broker"] = broker
        if connection_id is not UNSET:
            field_dict["connection_id"] = connection_id
        if initial_cash is not UNSET:
            field_dict["initial_cash"] = initial_cash

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_type = AccountType(d.pop("account_type"))




        base_currency = d.pop("base_currency")

        name = d.pop("name")

        trading_type = TradingType(d.pop("trading_type"))




        def _parse_broker(data: object) -> AccountInBrokerType1 | AccountInBrokerType2Type1 | AccountInBrokerType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                broker_type_1 = AccountInBrokerType1(data)



                return broker_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                broker_type_2_type_1 = AccountInBrokerType2Type1(data)



                return broker_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                broker_type_3_type_1 = AccountInBrokerType3Type1(data)



                return broker_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountInBrokerType1 | AccountInBrokerType2Type1 | AccountInBrokerType3Type1 | None | Unset, data)

        broker = _parse_broker(d.pop("broker", UNSET))


        def _parse_connection_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_id = _parse_connection_id(d.pop("connection_id", UNSET))


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
            name=name,
            trading_type=trading_type,
            broker=broker,
            connection_id=connection_id,
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
