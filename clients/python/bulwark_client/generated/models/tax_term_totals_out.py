from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TaxTermTotalsOut")



@_attrs_define
class TaxTermTotalsOut:
    """ 
        Attributes:
            cost_basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            gain (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            proceeds (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            wash_disallowed (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    cost_basis: str
    gain: str
    proceeds: str
    wash_disallowed: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cost_basis = self.cost_basis

        gain = self.gain

        proceeds = self.proceeds

        wash_disallowed = self.wash_disallowed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cost_basis": cost_basis,
            "gain": gain,
            "proceeds": proceeds,
            "wash_disallowed": wash_disallowed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost_basis = d.pop("cost_basis")

        gain = d.pop("gain")

        proceeds = d.pop("proceeds")

        wash_disallowed = d.pop("wash_disallowed")

        tax_term_totals_out = cls(
            cost_basis=cost_basis,
            gain=gain,
            proceeds=proceeds,
            wash_disallowed=wash_disallowed,
        )


        tax_term_totals_out.additional_properties = d
        return tax_term_totals_out

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
