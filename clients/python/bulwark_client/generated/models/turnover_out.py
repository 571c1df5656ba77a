from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TurnoverOut")



@_attrs_define
class TurnoverOut:
    """ 
        Attributes:
            annualized (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            average_equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            total (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            traded_notional (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    annualized: float
    average_equity: str
    total: float
    traded_notional: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        annualized = self.annualized

        average_equity = self.average_equity

        total = self.total

        traded_notional = self.traded_notional


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annualized": annualized,
            "average_equity": average_equity,
            "total": total,
            "traded_notional": traded_notional,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annualized = d.pop("annualized")

        average_equity = d.pop("average_equity")

        total = d.pop("total")

        traded_notional = d.pop("traded_notional")

        turnover_out = cls(
            annualized=annualized,
            average_equity=average_equity,
            total=total,
            traded_notional=traded_notional,
        )


        turnover_out.additional_properties = d
        return turnover_out

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
