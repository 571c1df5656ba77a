from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TaxBracketIn")



@_attrs_define
class TaxBracketIn:
    """ 
        Attributes:
            lower (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such as
                "12.5"
            rate (str): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
     """

    lower: str
    rate: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        lower = self.lower

        rate = self.rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "lower": lower,
            "rate": rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lower = d.pop("lower")

        rate = d.pop("rate")

        tax_bracket_in = cls(
            lower=lower,
            rate=rate,
        )


        tax_bracket_in.additional_properties = d
        return tax_bracket_in

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
