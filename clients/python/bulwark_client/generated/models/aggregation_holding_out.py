from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AggregationHoldingOut")



@_attrs_define
class AggregationHoldingOut:
    """ 
        Attributes:
            account_id (str):
            as_of (datetime.date):
            cost_basis (None | str):
            currency (None | str):
            institution_price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even,
                never in exponent notation
            institution_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            name (None | str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            security_id (str):
            security_type (None | str):
            symbol (None | str):
     """

    account_id: str
    as_of: datetime.date
    cost_basis: None | str
    currency: None | str
    institution_price: str
    institution_value: str
    name: None | str
    quantity: str
    security_id: str
    security_type: None | str
    symbol: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        as_of = self.as_of.isoformat()

        cost_basis: None | str
        cost_basis = self.cost_basis

        currency: None | str
        currency = self.currency

        institution_price = self.institution_price

        institution_value = self.institution_value

        name: None | str
        name = self.name

        quantity = self.quantity

        security_id = self.security_id

        security_type: None | str
        security_type = self.security_type

        symbol: None | str
        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "as_of": as_of,
            "cost_basis": cost_basis,
            "currency": currency,
            "institution_price": institution_price,
            "institution_value": institution_value,
            "name": name,
            "quantity": quantity,
            "security_id": security_id,
            "security_type": security_type,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        def _parse_cost_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost_basis = _parse_cost_basis(d.pop("cost_basis"))


        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))


        institution_price = d.pop("institution_price")

        institution_value = d.pop("institution_value")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        quantity = d.pop("quantity")

        security_id = d.pop("security_id")

        def _parse_security_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        security_type = _parse_security_type(d.pop("security_type"))


        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))


        aggregation_holding_out = cls(
            account_id=account_id,
            as_of=as_of,
            cost_basis=cost_basis,
            currency=currency,
            institution_price=institution_price,
            institution_value=institution_value,
            name=name,
            quantity=quantity,
            security_id=security_id,
            security_type=security_type,
            symbol=symbol,
        )


        aggregation_holding_out.additional_properties = d
        return aggregation_holding_out

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
