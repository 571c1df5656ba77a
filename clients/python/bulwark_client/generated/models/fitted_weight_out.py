from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FittedWeightOut")



@_attrs_define
class FittedWeightOut:
    """ 
        Attributes:
            sources (list[str]): Where it is held: TRADING_ACCOUNT, PORTFOLIO, LINKED_ACCOUNT
            symbol (str):
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            weight (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
     """

    sources: list[str]
    symbol: str
    value: str
    weight: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        sources = self.sources



        symbol = self.symbol

        value = self.value

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sources": sources,
            "symbol": symbol,
            "value": value,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sources = cast(list[str], d.pop("sources"))


        symbol = d.pop("symbol")

        value = d.pop("value")

        weight = d.pop("weight")

        fitted_weight_out = cls(
            sources=sources,
            symbol=symbol,
            value=value,
            weight=weight,
        )


        fitted_weight_out.additional_properties = d
        return fitted_weight_out

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
