from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SizingInputsOut")



@_attrs_define
class SizingInputsOut:
    """ 
        Attributes:
            atr (None | str):
            equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            explanation (str):
            method (str):
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
     """

    atr: None | str
    equity: str
    explanation: str
    method: str
    price: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        atr: None | str
        atr = self.atr

        equity = self.equity

        explanation = self.explanation

        method = self.method

        price = self.price


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "atr": atr,
            "equity": equity,
            "explanation": explanation,
            "method": method,
            "price": price,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_atr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        atr = _parse_atr(d.pop("atr"))


        equity = d.pop("equity")

        explanation = d.pop("explanation")

        method = d.pop("method")

        price = d.pop("price")

        sizing_inputs_out = cls(
            atr=atr,
            equity=equity,
            explanation=explanation,
            method=method,
            price=price,
        )


        sizing_inputs_out.additional_properties = d
        return sizing_inputs_out

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
