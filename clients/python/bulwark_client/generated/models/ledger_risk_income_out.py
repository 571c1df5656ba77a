from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LedgerRiskIncomeOut")



@_attrs_define
class LedgerRiskIncomeOut:
    """ 
        Attributes:
            dividends (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            interest (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            long_term_gains (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            short_term_gains (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    dividends: str
    interest: str
    long_term_gains: str
    short_term_gains: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        dividends = self.dividends

        interest = self.interest

        long_term_gains = self.long_term_gains

        short_term_gains = self.short_term_gains


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "dividends": dividends,
            "interest": interest,
            "long_term_gains": long_term_gains,
            "short_term_gains": short_term_gains,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dividends = d.pop("dividends")

        interest = d.pop("interest")

        long_term_gains = d.pop("long_term_gains")

        short_term_gains = d.pop("short_term_gains")

        ledger_risk_income_out = cls(
            dividends=dividends,
            interest=interest,
            long_term_gains=long_term_gains,
            short_term_gains=short_term_gains,
        )


        ledger_risk_income_out.additional_properties = d
        return ledger_risk_income_out

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
