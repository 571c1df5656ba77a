from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.regime_segment_out_regime import RegimeSegmentOutRegime
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.regime_effects_out import RegimeEffectsOut





T = TypeVar("T", bound="RegimeSegmentOut")



@_attrs_define
class RegimeSegmentOut:
    """ 
        Attributes:
            active_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            benchmark_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            end (datetime.date):
            first_period (int):
            linked (RegimeEffectsOut): Sum of the periods' effects
            periods (int):
            portfolio_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            regime (RegimeSegmentOutRegime):
            start (datetime.date):
            summed (RegimeEffectsOut): Sum of the periods' effects
     """

    active_return: float
    benchmark_return: float
    end: datetime.date
    first_period: int
    linked: RegimeEffectsOut
    periods: int
    portfolio_return: float
    regime: RegimeSegmentOutRegime
    start: datetime.date
    summed: RegimeEffectsOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.regime_effects_out import RegimeEffectsOut # noqa: PLC0415
        active_return = self.active_return

        benchmark_return = self.benchmark_return

        end = self.end.isoformat()

        first_period = self.first_period

        linked = self.linked.to_dict()

        periods = self.periods

        portfolio_return = self.portfolio_return

        regime = self.regime.value

        start = self.start.isoformat()

        summed = self.summed.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_return": active_return,
            "benchmark_return": benchmark_return,
            "end": end,
            "first_period": first_period,
            "linked": linked,
            "periods": periods,
            "portfolio_return": portfolio_return,
            "regime": regime,
            "start": start,
            "summed": summed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.regime_effects_out import RegimeEffectsOut # noqa: PLC0415
        d = dict(src_dict)
        active_return = d.pop("active_return")

        benchmark_return = d.pop("benchmark_return")

        end = datetime.date.fromisoformat(d.pop("end"))




        first_period = d.pop("first_period")

        linked = RegimeEffectsOut.from_dict(d.pop("linked"))




        periods = d.pop("periods")

        portfolio_return = d.pop("portfolio_return")

        regime = RegimeSegmentOutRegime(d.pop("regime"))




        start = datetime.date.fromisoformat(d.pop("start"))




        summed = RegimeEffectsOut.from_dict(d.pop("summed"))




        regime_segment_out = cls(
            active_return=active_return,
            benchmark_return=benchmark_return,
            end=end,
            first_period=first_period,
            linked=linked,
            periods=periods,
            portfolio_return=portfolio_return,
            regime=regime,
            start=start,
            summed=summed,
        )


        regime_segment_out.additional_properties = d
        return regime_segment_out

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
