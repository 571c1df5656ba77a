from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.harvest_blocked_lot_out import HarvestBlockedLotOut
  from ..models.harvest_candidate_out import HarvestCandidateOut
  from ..models.harvest_correlation_out import HarvestCorrelationOut
  from ..models.harvest_projection_out import HarvestProjectionOut
  from ..models.harvest_skipped_lot_out import HarvestSkippedLotOut
  from ..models.tax_conventions_out import TaxConventionsOut
  from ..models.tax_rates_out import TaxRatesOut





T = TypeVar("T", bound="HarvestOut")



@_attrs_define
class HarvestOut:
    """ 
        Attributes:
            as_of (datetime.date):
            blocked (list[HarvestBlockedLotOut]): Losers inside a wash-sale window
            candidates (list[HarvestCandidateOut]):
            conventions (TaxConventionsOut):
            correlation (HarvestCorrelationOut):
            projection (HarvestProjectionOut):
            rates (TaxRatesOut):
            savings_rule (str):
            skipped (list[HarvestSkippedLotOut]):
            tax_year (int):
            total_loss (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            total_savings (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    as_of: datetime.date
    blocked: list[HarvestBlockedLotOut]
    candidates: list[HarvestCandidateOut]
    conventions: TaxConventionsOut
    correlation: HarvestCorrelationOut
    projection: HarvestProjectionOut
    rates: TaxRatesOut
    savings_rule: str
    skipped: list[HarvestSkippedLotOut]
    tax_year: int
    total_loss: str
    total_savings: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.harvest_blocked_lot_out import HarvestBlockedLotOut # noqa: PLC0415
        from ..models.harvest_candidate_out import HarvestCandidateOut # noqa: PLC0415
        from ..models.harvest_correlation_out import HarvestCorrelationOut # noqa: PLC0415
        from ..models.harvest_projection_out import HarvestProjectionOut # noqa: PLC0415
        from ..models.harvest_skipped_lot_out import HarvestSkippedLotOut # noqa: PLC0415
        from ..models.tax_conventions_out import TaxConventionsOut # noqa: PLC0415
        from ..models.tax_rates_out import TaxRatesOut # noqa: PLC0415
        as_of = self.as_of.isoformat()

        blocked = []
        for blocked_item_data in self.blocked:
            blocked_item = blocked_item_data.to_dict()
            blocked.append(blocked_item)



        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)



        conventions = self.conventions.to_dict()

        correlation = self.correlation.to_dict()

        projection = self.projection.to_dict()

        rates = self.rates.to_dict()

        savings_rule = self.savings_rule

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)



        tax_year = self.tax_year

        total_loss = self.total_loss

        total_savings = self.total_savings


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "blocked": blocked,
            "candidates": candidates,
            "conventions": conventions,
            "correlation": correlation,
            "projection": projection,
            "rates": rates,
            "savings_rule": savings_rule,
            "skipped": skipped,
            "tax_year": tax_year,
            "total_loss": total_loss,
            "total_savings": total_savings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.harvest_blocked_lot_out import HarvestBlockedLotOut # noqa: PLC0415
        from ..models.harvest_candidate_out import HarvestCandidateOut # noqa: PLC0415
        from ..models.harvest_correlation_out import HarvestCorrelationOut # noqa: PLC0415
        from ..models.harvest_projection_out import HarvestProjectionOut # noqa: PLC0415
        from ..models.harvest_skipped_lot_out import HarvestSkippedLotOut # noqa: PLC0415
        from ..models.tax_conventions_out import TaxConventionsOut # noqa: PLC0415
        from ..models.tax_rates_out import TaxRatesOut # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        blocked = []
        _blocked = d.pop("blocked")
        for blocked_item_data in (_blocked):
            blocked_item = HarvestBlockedLotOut.from_dict(blocked_item_data)



            blocked.append(blocked_item)


        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in (_candidates):
            candidates_item = HarvestCandidateOut.from_dict(candidates_item_data)



            candidates.append(candidates_item)


        conventions = TaxConventionsOut.from_dict(d.pop("conventions"))




        correlation = HarvestCorrelationOut.from_dict(d.pop("correlation"))




        projection = HarvestProjectionOut.from_dict(d.pop("projection"))




        rates = TaxRatesOut.from_dict(d.pop("rates"))




        savings_rule = d.pop("savings_rule")

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in (_skipped):
            skipped_item = HarvestSkippedLotOut.from_dict(skipped_item_data)



            skipped.append(skipped_item)


        tax_year = d.pop("tax_year")

        total_loss = d.pop("total_loss")

        total_savings = d.pop("total_savings")

        harvest_out = cls(
            as_of=as_of,
            blocked=blocked,
            candidates=candidates,
            conventions=conventions,
            correlation=correlation,
            projection=projection,
            rates=rates,
            savings_rule=savings_rule,
            skipped=skipped,
            tax_year=tax_year,
            total_loss=total_loss,
            total_savings=total_savings,
        )


        harvest_out.additional_properties = d
        return harvest_out

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
