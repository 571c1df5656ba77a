from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="InsiderTransactionOut")



@_attrs_define
class InsiderTransactionOut:
    """ 
        Attributes:
            acquired_disposed (str):
            code (str):
            filed (datetime.date | None):
            issuer_cik (str):
            owner_cik (str):
            owner_name (str):
            price (None | str):
            relationship (str):
            shares (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            shares_owned_after (None | str):
            symbol (str):
            transaction_date (datetime.date):
     """

    acquired_disposed: str
    code: str
    filed: datetime.date | None
    issuer_cik: str
    owner_cik: str
    owner_name: str
    price: None | str
    relationship: str
    shares: str
    shares_owned_after: None | str
    symbol: str
    transaction_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acquired_disposed = self.acquired_disposed

        code = self.code

        filed: None | str
        if isinstance(self.filed, datetime.date):
            filed = self.filed.isoformat()
        else:
            filed = self.filed

        issuer_cik = self.issuer_cik

        owner_cik = self.owner_cik

        owner_name = self.owner_name

        price: None | str
        price = self.price

        relationship = self.relationship

        shares = self.shares

        shares_owned_after: None | str
        shares_owned_after = self.shares_owned_after

        symbol = self.symbol

        transaction_date = self.transaction_date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acquired_disposed": acquired_disposed,
            "code": code,
            "filed": filed,
            "issuer_cik": issuer_cik,
            "owner_cik": owner_cik,
            "owner_name": owner_name,
            "price": price,
            "relationship": relationship,
            "shares": shares,
            "shares_owned_after": shares_owned_after,
            "symbol": symbol,
            "transaction_date": transaction_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acquired_disposed = d.pop("acquired_disposed")

        code = d.pop("code")

        def _parse_filed(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_type_0 = datetime.date.fromisoformat(data)



                return filed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        filed = _parse_filed(d.pop("filed"))


        issuer_cik = d.pop("issuer_cik")

        owner_cik = d.pop("owner_cik")

        owner_name = d.pop("owner_name")

        def _parse_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price = _parse_price(d.pop("price"))


        relationship = d.pop("relationship")

        shares = d.pop("shares")

        def _parse_shares_owned_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shares_owned_after = _parse_shares_owned_after(d.pop("shares_owned_after"))


        symbol = d.pop("symbol")

        transaction_date = datetime.date.fromisoformat(d.pop("transaction_date"))




        insider_transaction_out = cls(
            acquired_disposed=acquired_disposed,
            code=code,
            filed=filed,
            issuer_cik=issuer_cik,
            owner_cik=owner_cik,
            owner_name=owner_name,
            price=price,
            relationship=relationship,
            shares=shares,
            shares_owned_after=shares_owned_after,
            symbol=symbol,
            transaction_date=transaction_date,
        )


        insider_transaction_out.additional_properties = d
        return insider_transaction_out

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
