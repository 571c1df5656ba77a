from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.side import Side






T = TypeVar("T", bound="DeleverageStepOut")



@_attrs_define
class DeleverageStepOut:
    """ 
        Attributes:
            buffer_after (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            buffer_before (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            explanation (str):
            maintenance_released (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            mark (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            notional (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            position_quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            side (Side): Buy or sell; `sign` is +1 for a buy and -1 for a sell.
            symbol (str):
     """

    buffer_after: str
    buffer_before: str
    explanation: str
    maintenance_released: str
    mark: str
    notional: str
    position_quantity: str
    quantity: str
    side: Side
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        buffer_after = self.buffer_after

        buffer_before = self.buffer_before

        explanation = self.explanation

        maintenance_released = self.maintenance_released

        mark = self.mark

        notional = self.notional

        position_quantity = self.position_quantity

        quantity = self.quantity

        side = self.side.value

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "buffer_after": buffer_after,
            "buffer_before": buffer_before,
            "explanation": explanation,
            "maintenance_released": maintenance_released,
            "mark": mark,
            "notional": notional,
            "position_quantity": position_quantity,
            "quantity": quantity,
            "side": side,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        buffer_after = d.pop("buffer_after")

        buffer_before = d.pop("buffer_before")

        explanation = d.pop("explanation")

        maintenance_released = d.pop("maintenance_released")

        mark = d.pop("mark")

        notional = d.pop("notional")

        position_quantity = d.pop("position_quantity")

        quantity = d.pop("quantity")

        side = Side(d.pop("side"))




        symbol = d.pop("symbol")

        deleverage_step_out = cls(
            buffer_after=buffer_after,
            buffer_before=buffer_before,
            explanation=explanation,
            maintenance_released=maintenance_released,
            mark=mark,
            notional=notional,
            position_quantity=position_quantity,
            quantity=quantity,
            side=side,
            symbol=symbol,
        )


        deleverage_step_out.additional_properties = d
        return deleverage_step_out

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
