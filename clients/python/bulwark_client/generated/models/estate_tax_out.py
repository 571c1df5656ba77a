from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EstateTaxOut")



@_attrs_define
class EstateTaxOut:
    """ 
        Attributes:
            convention (str):
            effective_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            exemption (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            gross_estate (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            net_to_heirs (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            source (str):
            tax (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places, rounded
                half-even, never in exponent notation
            taxable (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            year (int):
     """

    convention: str
    effective_rate: str
    exemption: str
    gross_estate: str
    net_to_heirs: str
    source: str
    tax: str
    taxable: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        convention = self.convention

        effective_rate = self.effective_rate

        exemption = self.exemption

        gross_estate = self.gross_estate

        net_to_heirs = self.net_to_heirs

        source = self.source

        tax = self.tax

        taxable = self.taxable

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "convention": convention,
            "effective_rate": effective_rate,
            "exemption": exemption,
            "gross_estate": gross_estate,
            "net_to_heirs": net_to_heirs,
            "source": source,
            "tax": tax,
            "taxable": taxable,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        convention = d.pop("convention")

        effective_rate = d.pop("effective_rate")

        exemption = d.pop("exemption")

        gross_estate = d.pop("gross_estate")

        net_to_heirs = d.pop("net_to_heirs")

        source = d.pop("source")

        tax = d.pop("tax")

        taxable = d.pop("taxable")

        year = d.pop("year")

        estate_tax_out = cls(
            convention=convention,
            effective_rate=effective_rate,
            exemption=exemption,
            gross_estate=gross_estate,
            net_to_heirs=net_to_heirs,
            source=source,
            tax=tax,
            taxable=taxable,
            year=year,
        )


        estate_tax_out.additional_properties = d
        return estate_tax_out

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
