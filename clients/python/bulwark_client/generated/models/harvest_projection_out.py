from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.harvest_scenario_out import HarvestScenarioOut
  from ..models.tax_year_out import TaxYearOut





T = TypeVar("T", bound="HarvestProjectionOut")



@_attrs_define
class HarvestProjectionOut:
    """ 
        Attributes:
            after_harvest (TaxYearOut):
            before_harvest (TaxYearOut):
            harvested_long (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            harvested_short (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            realized_long (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            realized_short (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            scenarios (list[HarvestScenarioOut]):
            tax_year (int):
     """

    after_harvest: TaxYearOut
    before_harvest: TaxYearOut
    harvested_long: str
    harvested_short: str
    realized_long: str
    realized_short: str
    scenarios: list[HarvestScenarioOut]
    tax_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.harvest_scenario_out import HarvestScenarioOut # noqa: PLC0415
        from ..models.tax_year_out import TaxYearOut # noqa: PLC0415
        after_harvest = self.after_harvest.to_dict()

        before_harvest = self.before_harvest.to_dict()

        harvested_long = self.harvested_long

        harvested_short = self.harvested_short

        realized_long = self.realized_long

        realized_short = self.realized_short

        scenarios = []
        for scenarios_item_data in self.scenarios:
            scenarios_item = scenarios_item_data.to_dict()
            scenarios.append(scenarios_item)



        tax_year = self.tax_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "after_harvest": after_harvest,
            "before_harvest": before_harvest,
            "harvested_long": harvested_long,
            "harvested_short": harvested_short,
            "realized_long": realized_long,
            "realized_short": realized_short,
            "scenarios": scenarios,
            "tax_year": tax_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.harvest_scenario_out import HarvestScenarioOut # noqa: PLC0415
        from ..models.tax_year_out import TaxYearOut # noqa: PLC0415
        d = dict(src_dict)
        after_harvest = TaxYearOut.from_dict(d.pop("after_harvest"))




        before_harvest = TaxYearOut.from_dict(d.pop("before_harvest"))




        harvested_long = d.pop("harvested_long")

        harvested_short = d.pop("harvested_short")

        realized_long = d.pop("realized_long")

        realized_short = d.pop("realized_short")

        scenarios = []
        _scenarios = d.pop("scenarios")
        for scenarios_item_data in (_scenarios):
            scenarios_item = HarvestScenarioOut.from_dict(scenarios_item_data)



            scenarios.append(scenarios_item)


        tax_year = d.pop("tax_year")

        harvest_projection_out = cls(
            after_harvest=after_harvest,
            before_harvest=before_harvest,
            harvested_long=harvested_long,
            harvested_short=harvested_short,
            realized_long=realized_long,
            realized_short=realized_short,
            scenarios=scenarios,
            tax_year=tax_year,
        )


        harvest_projection_out.additional_properties = d
        return harvest_projection_out

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
