from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.side import Side






T = TypeVar("T", bound="MarginImpactOut")



@_attrs_define
class MarginImpactOut:
    """ 
        Attributes:
            buying_power_after (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            buying_power_before (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            causes_margin_call (bool):
            equity_after (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            equity_before (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            exceeds_buying_power (bool):
            excess_after (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            excess_before (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            initial_after (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            initial_before (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            initial_change (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            maintenance_after (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            maintenance_before (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            margin_call_after (bool):
            position_after (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            position_before (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            side (Side): Buy or sell; `sign` is +1 for a buy and -1 for a sell.
            symbol (str):
     """

    buying_power_after: str
    buying_power_before: str
    causes_margin_call: bool
    equity_after: str
    equity_before: str
    exceeds_buying_power: bool
    excess_after: str
    excess_before: str
    initial_after: str
    initial_before: str
    initial_change: str
    maintenance_after: str
    maintenance_before: str
    margin_call_after: bool
    position_after: str
    position_before: str
    price: str
    quantity: str
    side: Side
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        buying_power_after = self.buying_power_after

        buying_power_before = self.buying_power_before

        causes_margin_call = self.causes_margin_call

        equity_after = self.equity_after

        equity_before = self.equity_before

        exceeds_buying_power = self.exceeds_buying_power

        excess_after = self.excess_after

        excess_before = self.excess_before

        initial_after = self.initial_after

        initial_before = self.initial_before

        initial_change = self.initial_change

        maintenance_after = self.maintenance_after

        maintenance_before = self.maintenance_before

        margin_call_after = self.margin_call_after

        position_after = self.position_after

        position_before = self.position_before

        price = self.price

        quantity = self.quantity

        side = self.side.value

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "buying_power_after": buying_power_after,
            "buying_power_before": buying_power_before,
            "causes_margin_call": causes_margin_call,
            "equity_after": equity_after,
            "equity_before": equity_before,
            "exceeds_buying_power": exceeds_buying_power,
            "excess_after": excess_after,
            "excess_before": excess_before,
            "initial_after": initial_after,
            "initial_before": initial_before,
            "initial_change": initial_change,
            "maintenance_after": maintenance_after,
            "maintenance_before": maintenance_before,
            "margin_call_after": margin_call_after,
            "position_after": position_after,
            "position_before": position_before,
            "price": price,
            "quantity": quantity,
            "side": side,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        buying_power_after = d.pop("buying_power_after")

        buying_power_before = d.pop("buying_power_before")

        causes_margin_call = d.pop("causes_margin_call")

        equity_after = d.pop("equity_after")

        equity_before = d.pop("equity_before")

        exceeds_buying_power = d.pop("exceeds_buying_power")

        excess_after = d.pop("excess_after")

        excess_before = d.pop("excess_before")

        initial_after = d.pop("initial_after")

        initial_before = d.pop("initial_before")

        initial_change = d.pop("initial_change")

        maintenance_after = d.pop("maintenance_after")

        maintenance_before = d.pop("maintenance_before")

        margin_call_after = d.pop("margin_call_after")

        position_after = d.pop("position_after")

        position_before = d.pop("position_before")

        price = d.pop("price")

        quantity = d.pop("quantity")

        side = Side(d.pop("side"))




        symbol = d.pop("symbol")

        margin_impact_out = cls(
            buying_power_after=buying_power_after,
            buying_power_before=buying_power_before,
            causes_margin_call=causes_margin_call,
            equity_after=equity_after,
            equity_before=equity_before,
            exceeds_buying_power=exceeds_buying_power,
            excess_after=excess_after,
            excess_before=excess_before,
            initial_after=initial_after,
            initial_before=initial_before,
            initial_change=initial_change,
            maintenance_after=maintenance_after,
            maintenance_before=maintenance_before,
            margin_call_after=margin_call_after,
            position_after=position_after,
            position_before=position_before,
            price=price,
            quantity=quantity,
            side=side,
            symbol=symbol,
        )


        margin_impact_out.additional_properties = d
        return margin_impact_out

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
