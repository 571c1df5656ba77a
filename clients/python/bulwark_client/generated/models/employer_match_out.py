from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="EmployerMatchOut")



@_attrs_define
class EmployerMatchOut:
    """ 
        Attributes:
            counted_pay (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            deferral (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            match (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            match_fraction_of_pay (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            vested_employer_balance (None | str):
            vested_fraction (None | str):
     """

    counted_pay: str
    deferral: str
    match: str
    match_fraction_of_pay: str
    vested_employer_balance: None | str
    vested_fraction: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        counted_pay = self.counted_pay

        deferral = self.deferral

        match = self.match

        match_fraction_of_pay = self.match_fraction_of_pay

        vested_employer_balance: None | str
        vested_employer_balance = self.vested_employer_balance

        vested_fraction: None | str
        vested_fraction = self.vested_fraction


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "counted_pay": counted_pay,
            "deferral": deferral,
            "match": match,
            "match_fraction_of_pay": match_fraction_of_pay,
            "vested_employer_balance": vested_employer_balance,
            "vested_fraction": vested_fraction,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        counted_pay = d.pop("counted_pay")

        deferral = d.pop("deferral")

        match = d.pop("match")

        match_fraction_of_pay = d.pop("match_fraction_of_pay")

        def _parse_vested_employer_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vested_employer_balance = _parse_vested_employer_balance(d.pop("vested_employer_balance"))


        def _parse_vested_fraction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vested_fraction = _parse_vested_fraction(d.pop("vested_fraction"))


        employer_match_out = cls(
            counted_pay=counted_pay,
            deferral=deferral,
            match=match,
            match_fraction_of_pay=match_fraction_of_pay,
            vested_employer_balance=vested_employer_balance,
            vested_fraction=vested_fraction,
        )


        employer_match_out.additional_properties = d
        return employer_match_out

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
