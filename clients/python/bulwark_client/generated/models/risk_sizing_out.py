from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RiskSizingOut")



@_attrs_define
class RiskSizingOut:
    """ 
        Attributes:
            capped (bool):
            entry (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            explanation (str):
            lot_size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            method (str):
            multiplier (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            notional (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            risk_amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            risk_fraction_used (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            stop_distance (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never
                in exponent notation
     """

    capped: bool
    entry: str
    equity: str
    explanation: str
    lot_size: str
    method: str
    multiplier: str
    notional: str
    quantity: str
    risk_amount: str
    risk_fraction_used: str
    stop_distance: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        capped = self.capped

        entry = self.entry

        equity = self.equity

        explanation = self.explanation

        lot_size = self.lot_size

        method = self.method

        multiplier = self.multiplier

        notional = self.notional

        quantity = self.quantity

        risk_amount = self.risk_amount

        risk_fraction_used = self.risk_fraction_used

        stop_distance = self.stop_distance


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capped": capped,
            "entry": entry,
            "equity": equity,
            "explanation": explanation,
            "lot_size": lot_size,
            "method": method,
            "multiplier": multiplier,
            "notional": notional,
            "quantity": quantity,
            "risk_amount": risk_amount,
            "risk_fraction_used": risk_fraction_used,
            "stop_distance": stop_distance,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capped = d.pop("capped")

        entry = d.pop("entry")

        equity = d.pop("equity")

        explanation = d.pop("explanation")

        lot_size = d.pop("lot_size")

        method = d.pop("method")

        multiplier = d.pop("multiplier")

        notional = d.pop("notional")

        quantity = d.pop("quantity")

        risk_amount = d.pop("risk_amount")

        risk_fraction_used = d.pop("risk_fraction_used")

        stop_distance = d.pop("stop_distance")

        risk_sizing_out = cls(
            capped=capped,
            entry=entry,
            equity=equity,
            explanation=explanation,
            lot_size=lot_size,
            method=method,
            multiplier=multiplier,
            notional=notional,
            quantity=quantity,
            risk_amount=risk_amount,
            risk_fraction_used=risk_fraction_used,
            stop_distance=stop_distance,
        )


        risk_sizing_out.additional_properties = d
        return risk_sizing_out

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
