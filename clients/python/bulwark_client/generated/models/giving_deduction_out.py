from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.donation_receipt_out import DonationReceiptOut
  from ..models.giving_carryovers_out import GivingCarryoversOut
  from ..models.giving_deduction_out_conventions import GivingDeductionOutConventions
  from ..models.giving_year_out import GivingYearOut





T = TypeVar("T", bound="GivingDeductionOut")



@_attrs_define
class GivingDeductionOut:
    """ 
        Attributes:
            conventions (GivingDeductionOutConventions):
            deduction (str):
            donations (list[DonationReceiptOut]):
            form_8283_required (bool):
            history (list[GivingYearOut]):
            opening (GivingCarryoversOut):
            tax_year (int):
            year (GivingYearOut):
     """

    conventions: GivingDeductionOutConventions
    deduction: str
    donations: list[DonationReceiptOut]
    form_8283_required: bool
    history: list[GivingYearOut]
    opening: GivingCarryoversOut
    tax_year: int
    year: GivingYearOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.donation_receipt_out import DonationReceiptOut # noqa: PLC0415
        from ..models.giving_carryovers_out import GivingCarryoversOut # noqa: PLC0415
        from ..models.giving_deduction_out_conventions import GivingDeductionOutConventions # noqa: PLC0415
        from ..models.giving_year_out import GivingYearOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        deduction = self.deduction

        donations = []
        for donations_item_data in self.donations:
            donations_item = donations_item_data.to_dict()
            donations.append(donations_item)



        form_8283_required = self.form_8283_required

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        opening = self.opening.to_dict()

        tax_year = self.tax_year

        year = self.year.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "deduction": deduction,
            "donations": donations,
            "form_8283_required": form_8283_required,
            "history": history,
            "opening": opening,
            "tax_year": tax_year,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.donation_receipt_out import DonationReceiptOut # noqa: PLC0415
        from ..models.giving_carryovers_out import GivingCarryoversOut # noqa: PLC0415
        from ..models.giving_deduction_out_conventions import GivingDeductionOutConventions # noqa: PLC0415
        from ..models.giving_year_out import GivingYearOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = GivingDeductionOutConventions.from_dict(d.pop("conventions"))




        deduction = d.pop("deduction")

        donations = []
        _donations = d.pop("donations")
        for donations_item_data in (_donations):
            donations_item = DonationReceiptOut.from_dict(donations_item_data)



            donations.append(donations_item)


        form_8283_required = d.pop("form_8283_required")

        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = GivingYearOut.from_dict(history_item_data)



            history.append(history_item)


        opening = GivingCarryoversOut.from_dict(d.pop("opening"))




        tax_year = d.pop("tax_year")

        year = GivingYearOut.from_dict(d.pop("year"))




        giving_deduction_out = cls(
            conventions=conventions,
            deduction=deduction,
            donations=donations,
            form_8283_required=form_8283_required,
            history=history,
            opening=opening,
            tax_year=tax_year,
            year=year,
        )


        giving_deduction_out.additional_properties = d
        return giving_deduction_out

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
