from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tax_year_out import TaxYearOut





T = TypeVar("T", bound="HarvestScenarioOut")



@_attrs_define
class HarvestScenarioOut:
    """ 
        Attributes:
            move (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
            unrealized_long (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            unrealized_short (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            year (TaxYearOut):
     """

    move: str
    unrealized_long: str
    unrealized_short: str
    year: TaxYearOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_year_out import TaxYearOut # noqa: PLC0415
        move = self.move

        unrealized_long = self.unrealized_long

        unrealized_short = self.unrealized_short

        year = self.year.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "move": move,
            "unrealized_long": unrealized_long,
            "unrealized_short": unrealized_short,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_year_out import TaxYearOut # noqa: PLC0415
        d = dict(src_dict)
        move = d.pop("move")

        unrealized_long = d.pop("unrealized_long")

        unrealized_short = d.pop("unrealized_short")

        year = TaxYearOut.from_dict(d.pop("year"))




        harvest_scenario_out = cls(
            move=move,
            unrealized_long=unrealized_long,
            unrealized_short=unrealized_short,
            year=year,
        )


        harvest_scenario_out.additional_properties = d
        return harvest_scenario_out

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
