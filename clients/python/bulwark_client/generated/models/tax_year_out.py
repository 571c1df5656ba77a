from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TaxYearOut")



@_attrs_define
class TaxYearOut:
    """ 
        Attributes:
            carryforward_long (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            carryforward_short (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            net_capital_gain_or_loss (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            net_long (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            net_short (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            ordinary_offset (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            ordinary_taxed (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            preferential_taxed (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            tax (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places, rounded
                half-even, never in exponent notation
     """

    carryforward_long: str
    carryforward_short: str
    net_capital_gain_or_loss: str
    net_long: str
    net_short: str
    ordinary_offset: str
    ordinary_taxed: str
    preferential_taxed: str
    tax: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        carryforward_long = self.carryforward_long

        carryforward_short = self.carryforward_short

        net_capital_gain_or_loss = self.net_capital_gain_or_loss

        net_long = self.net_long

        net_short = self.net_short

        ordinary_offset = self.ordinary_offset

        ordinary_taxed = self.ordinary_taxed

        preferential_taxed = self.preferential_taxed

        tax = self.tax


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "carryforward_long": carryforward_long,
            "carryforward_short": carryforward_short,
            "net_capital_gain_or_loss": net_capital_gain_or_loss,
            "net_long": net_long,
            "net_short": net_short,
            "ordinary_offset": ordinary_offset,
            "ordinary_taxed": ordinary_taxed,
            "preferential_taxed": preferential_taxed,
            "tax": tax,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        carryforward_long = d.pop("carryforward_long")

        carryforward_short = d.pop("carryforward_short")

        net_capital_gain_or_loss = d.pop("net_capital_gain_or_loss")

        net_long = d.pop("net_long")

        net_short = d.pop("net_short")

        ordinary_offset = d.pop("ordinary_offset")

        ordinary_taxed = d.pop("ordinary_taxed")

        preferential_taxed = d.pop("preferential_taxed")

        tax = d.pop("tax")

        tax_year_out = cls(
            carryforward_long=carryforward_long,
            carryforward_short=carryforward_short,
            net_capital_gain_or_loss=net_capital_gain_or_loss,
            net_long=net_long,
            net_short=net_short,
            ordinary_offset=ordinary_offset,
            ordinary_taxed=ordinary_taxed,
            preferential_taxed=preferential_taxed,
            tax=tax,
        )


        tax_year_out.additional_properties = d
        return tax_year_out

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
