from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TradeOut")



@_attrs_define
class TradeOut:
    """ 
        Attributes:
            direction (str):
            entry_at (datetime.datetime):
            entry_price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            entry_reason (str):
            exit_at (datetime.datetime):
            exit_detail (str):
            exit_price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            exit_reason (str):
            fees (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            pnl (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places, rounded
                half-even, never in exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            symbol (str):
     """

    direction: str
    entry_at: datetime.datetime
    entry_price: str
    entry_reason: str
    exit_at: datetime.datetime
    exit_detail: str
    exit_price: str
    exit_reason: str
    fees: str
    pnl: str
    quantity: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        direction = self.direction

        entry_at = self.entry_at.isoformat()

        entry_price = self.entry_price

        entry_reason = self.entry_reason

        exit_at = self.exit_at.isoformat()

        exit_detail = self.exit_detail

        exit_price = self.exit_price

        exit_reason = self.exit_reason

        fees = self.fees

        pnl = self.pnl

        quantity = self.quantity

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "direction": direction,
            "entry_at": entry_at,
            "entry_price": entry_price,
            "entry_reason": entry_reason,
            "exit_at": exit_at,
            "exit_detail": exit_detail,
            "exit_price": exit_price,
            "exit_reason": exit_reason,
            "fees": fees,
            "pnl": pnl,
            "quantity": quantity,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        direction = d.pop("direction")

        entry_at = datetime.datetime.fromisoformat(d.pop("entry_at"))




        entry_price = d.pop("entry_price")

        entry_reason = d.pop("entry_reason")

        exit_at = datetime.datetime.fromisoformat(d.pop("exit_at"))




        exit_detail = d.pop("exit_detail")

        exit_price = d.pop("exit_price")

        exit_reason = d.pop("exit_reason")

        fees = d.pop("fees")

        pnl = d.pop("pnl")

        quantity = d.pop("quantity")

        symbol = d.pop("symbol")

        trade_out = cls(
            direction=direction,
            entry_at=entry_at,
            entry_price=entry_price,
            entry_reason=entry_reason,
            exit_at=exit_at,
            exit_detail=exit_detail,
            exit_price=exit_price,
            exit_reason=exit_reason,
            fees=fees,
            pnl=pnl,
            quantity=quantity,
            symbol=symbol,
        )


        trade_out.additional_properties = d
        return trade_out

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
