from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="EsgHoldingsSourceOut")



@_attrs_define
class EsgHoldingsSourceOut:
    """ 
        Attributes:
            account_id (None | str):
            cash_left_out (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            currency (str):
            kind (str):
            left_out (list[str]):
            portfolio_id (None | str):
     """

    account_id: None | str
    cash_left_out: str
    currency: str
    kind: str
    left_out: list[str]
    portfolio_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        cash_left_out = self.cash_left_out

        currency = self.currency

        kind = self.kind

        left_out = self.left_out



        portfolio_id: None | str
        portfolio_id = self.portfolio_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "cash_left_out": cash_left_out,
            "currency": currency,
            "kind": kind,
            "left_out": left_out,
            "portfolio_id": portfolio_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        cash_left_out = d.pop("cash_left_out")

        currency = d.pop("currency")

        kind = d.pop("kind")

        left_out = cast(list[str], d.pop("left_out"))


        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        esg_holdings_source_out = cls(
            account_id=account_id,
            cash_left_out=cash_left_out,
            currency=currency,
            kind=kind,
            left_out=left_out,
            portfolio_id=portfolio_id,
        )


        esg_holdings_source_out.additional_properties = d
        return esg_holdings_source_out

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
