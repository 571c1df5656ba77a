from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.giving_deduction_in_agi import GivingDeductionInAgi





T = TypeVar("T", bound="GivingDeductionIn")



@_attrs_define
class GivingDeductionIn:
    """ 
        Attributes:
            agi (GivingDeductionInAgi): Adjusted gross income by year ('2024': '150000'), USD, for every year that has gifts
                or carryovers up to tax_year
            tax_year (int):
     """

    agi: GivingDeductionInAgi
    tax_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.giving_deduction_in_agi import GivingDeductionInAgi # noqa: PLC0415
        agi = self.agi.to_dict()

        tax_year = self.tax_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agi": agi,
            "tax_year": tax_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.giving_deduction_in_agi import GivingDeductionInAgi # noqa: PLC0415
        d = dict(src_dict)
        agi = GivingDeductionInAgi.from_dict(d.pop("agi"))




        tax_year = d.pop("tax_year")

        giving_deduction_in = cls(
            agi=agi,
            tax_year=tax_year,
        )


        giving_deduction_in.additional_properties = d
        return giving_deduction_in

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
