from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_linked_out_method import AttributionLinkedOutMethod
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attribution_effects_out import AttributionEffectsOut
  from ..models.attribution_totals_out import AttributionTotalsOut





T = TypeVar("T", bound="AttributionLinkedOut")



@_attrs_define
class AttributionLinkedOut:
    """ 
        Attributes:
            active_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            benchmark_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            coefficients (list[float]): The linking coefficient of each period
            end (datetime.date):
            method (AttributionLinkedOutMethod):
            portfolio_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            sectors (list[AttributionEffectsOut]):
            start (datetime.date):
            totals (AttributionTotalsOut):
     """

    active_return: float
    benchmark_return: float
    coefficients: list[float]
    end: datetime.date
    method: AttributionLinkedOutMethod
    portfolio_return: float
    sectors: list[AttributionEffectsOut]
    start: datetime.date
    totals: AttributionTotalsOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_effects_out import AttributionEffectsOut # noqa: PLC0415
        from ..models.attribution_totals_out import AttributionTotalsOut # noqa: PLC0415
        active_return = self.active_return

        benchmark_return = self.benchmark_return

        coefficients = self.coefficients



        end = self.end.isoformat()

        method = self.method.value

        portfolio_return = self.portfolio_return

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.to_dict()
            sectors.append(sectors_item)



        start = self.start.isoformat()

        totals = self.totals.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_return": active_return,
            "benchmark_return": benchmark_return,
            "coefficients": coefficients,
            "end": end,
            "method": method,
            "portfolio_return": portfolio_return,
            "sectors": sectors,
            "start": start,
            "totals": totals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_effects_out import AttributionEffectsOut # noqa: PLC0415
        from ..models.attribution_totals_out import AttributionTotalsOut # noqa: PLC0415
        d = dict(src_dict)
        active_return = d.pop("active_return")

        benchmark_return = d.pop("benchmark_return")

        coefficients = cast(list[float], d.pop("coefficients"))


        end = datetime.date.fromisoformat(d.pop("end"))




        method = AttributionLinkedOutMethod(d.pop("method"))




        portfolio_return = d.pop("portfolio_return")

        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in (_sectors):
            sectors_item = AttributionEffectsOut.from_dict(sectors_item_data)



            sectors.append(sectors_item)


        start = datetime.date.fromisoformat(d.pop("start"))




        totals = AttributionTotalsOut.from_dict(d.pop("totals"))




        attribution_linked_out = cls(
            active_return=active_return,
            benchmark_return=benchmark_return,
            coefficients=coefficients,
            end=end,
            method=method,
            portfolio_return=portfolio_return,
            sectors=sectors,
            start=start,
            totals=totals,
        )


        attribution_linked_out.additional_properties = d
        return attribution_linked_out

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
