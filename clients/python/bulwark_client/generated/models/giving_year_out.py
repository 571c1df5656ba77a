from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.giving_carryover_out import GivingCarryoverOut
  from ..models.giving_deduction_line_out import GivingDeductionLineOut





T = TypeVar("T", bound="GivingYearOut")



@_attrs_define
class GivingYearOut:
    """ 
        Attributes:
            agi (str):
            carryovers_out (list[GivingCarryoverOut]):
            cash_percent (str):
            deduction (str):
            expired (list[GivingCarryoverOut]):
            lines (list[GivingDeductionLineOut]):
            notes (list[str]):
            source (str):
            year (int):
     """

    agi: str
    carryovers_out: list[GivingCarryoverOut]
    cash_percent: str
    deduction: str
    expired: list[GivingCarryoverOut]
    lines: list[GivingDeductionLineOut]
    notes: list[str]
    source: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.giving_carryover_out import GivingCarryoverOut # noqa: PLC0415
        from ..models.giving_deduction_line_out import GivingDeductionLineOut # noqa: PLC0415
        agi = self.agi

        carryovers_out = []
        for carryovers_out_item_data in self.carryovers_out:
            carryovers_out_item = carryovers_out_item_data.to_dict()
            carryovers_out.append(carryovers_out_item)



        cash_percent = self.cash_percent

        deduction = self.deduction

        expired = []
        for expired_item_data in self.expired:
            expired_item = expired_item_data.to_dict()
            expired.append(expired_item)



        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        notes = self.notes



        source = self.source

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agi": agi,
            "carryovers_out": carryovers_out,
            "cash_percent": cash_percent,
            "deduction": deduction,
            "expired": expired,
            "lines": lines,
            "notes": notes,
            "source": source,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.giving_carryover_out import GivingCarryoverOut # noqa: PLC0415
        from ..models.giving_deduction_line_out import GivingDeductionLineOut # noqa: PLC0415
        d = dict(src_dict)
        agi = d.pop("agi")

        carryovers_out = []
        _carryovers_out = d.pop("carryovers_out")
        for carryovers_out_item_data in (_carryovers_out):
            carryovers_out_item = GivingCarryoverOut.from_dict(carryovers_out_item_data)



            carryovers_out.append(carryovers_out_item)


        cash_percent = d.pop("cash_percent")

        deduction = d.pop("deduction")

        expired = []
        _expired = d.pop("expired")
        for expired_item_data in (_expired):
            expired_item = GivingCarryoverOut.from_dict(expired_item_data)



            expired.append(expired_item)


        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = GivingDeductionLineOut.from_dict(lines_item_data)



            lines.append(lines_item)


        notes = cast(list[str], d.pop("notes"))


        source = d.pop("source")

        year = d.pop("year")

        giving_year_out = cls(
            agi=agi,
            carryovers_out=carryovers_out,
            cash_percent=cash_percent,
            deduction=deduction,
            expired=expired,
            lines=lines,
            notes=notes,
            source=source,
            year=year,
        )


        giving_year_out.additional_properties = d
        return giving_year_out

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
