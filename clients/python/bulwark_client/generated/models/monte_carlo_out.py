from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.fan_chart_row_out import FanChartRowOut
  from ..models.monte_carlo_compute_out import MonteCarloComputeOut
  from ..models.monte_carlo_conventions_out import MonteCarloConventionsOut
  from ..models.ruin_by_year_out import RuinByYearOut
  from ..models.stored_inputs_out import StoredInputsOut





T = TypeVar("T", bound="MonteCarloOut")



@_attrs_define
class MonteCarloOut:
    """ 
        Attributes:
            annual_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            annual_volatility (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            compute (MonteCarloComputeOut):
            conventions (MonteCarloConventionsOut):
            fan_chart (list[FanChartRowOut]):
            from_profile (list[str]): The fields taken from your investor profile (the request left them out)
            horizon_months (int):
            median_ending_wealth (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            median_ending_wealth_real (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            paths (int):
            percentile_levels (list[float]):
            probability_above_target (float | None):
            risk_tolerance (None | str): The profile's risk tolerance, when return or volatility came from it
            ruin_probability_by_year (list[RuinByYearOut]):
            seed (int):
            stored_inputs (None | StoredInputsOut): With from_holdings: what was read (null otherwise)
            success_probability (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            success_standard_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    annual_return: float
    annual_volatility: float
    compute: MonteCarloComputeOut
    conventions: MonteCarloConventionsOut
    fan_chart: list[FanChartRowOut]
    from_profile: list[str]
    horizon_months: int
    median_ending_wealth: float
    median_ending_wealth_real: float
    paths: int
    percentile_levels: list[float]
    probability_above_target: float | None
    risk_tolerance: None | str
    ruin_probability_by_year: list[RuinByYearOut]
    seed: int
    stored_inputs: None | StoredInputsOut
    success_probability: float
    success_standard_error: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fan_chart_row_out import FanChartRowOut # noqa: PLC0415
        from ..models.monte_carlo_compute_out import MonteCarloComputeOut # noqa: PLC0415
        from ..models.monte_carlo_conventions_out import MonteCarloConventionsOut # noqa: PLC0415
        from ..models.ruin_by_year_out import RuinByYearOut # noqa: PLC0415
        from ..models.stored_inputs_out import StoredInputsOut # noqa: PLC0415
        annual_return = self.annual_return

        annual_volatility = self.annual_volatility

        compute = self.compute.to_dict()

        conventions = self.conventions.to_dict()

        fan_chart = []
        for fan_chart_item_data in self.fan_chart:
            fan_chart_item = fan_chart_item_data.to_dict()
            fan_chart.append(fan_chart_item)



        from_profile = self.from_profile



        horizon_months = self.horizon_months

        median_ending_wealth = self.median_ending_wealth

        median_ending_wealth_real = self.median_ending_wealth_real

        paths = self.paths

        percentile_levels = self.percentile_levels



        probability_above_target: float | None
        probability_above_target = self.probability_above_target

        risk_tolerance: None | str
        risk_tolerance = self.risk_tolerance

        ruin_probability_by_year = []
        for ruin_probability_by_year_item_data in self.ruin_probability_by_year:
            ruin_probability_by_year_item = ruin_probability_by_year_item_data.to_dict()
            ruin_probability_by_year.append(ruin_probability_by_year_item)



        seed = self.seed

        stored_inputs: dict[str, Any] | None
        if isinstance(self.stored_inputs, StoredInputsOut):
            stored_inputs = self.stored_inputs.to_dict()
        else:
            stored_inputs = self.stored_inputs

        success_probability = self.success_probability

        success_standard_error = self.success_standard_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annual_return": annual_return,
            "annual_volatility": annual_volatility,
            "compute": compute,
            "conventions": conventions,
            "fan_chart": fan_chart,
            "from_profile": from_profile,
            "horizon_months": horizon_months,
            "median_ending_wealth": median_ending_wealth,
            "median_ending_wealth_real": median_ending_wealth_real,
            "paths": paths,
            "percentile_levels": percentile_levels,
            "probability_above_target": probability_above_target,
            "risk_tolerance": risk_tolerance,
            "ruin_probability_by_year": ruin_probability_by_year,
            "seed": seed,
            "stored_inputs": stored_inputs,
            "success_probability": success_probability,
            "success_standard_error": success_standard_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fan_chart_row_out import FanChartRowOut # noqa: PLC0415
        from ..models.monte_carlo_compute_out import MonteCarloComputeOut # noqa: PLC0415
        from ..models.monte_carlo_conventions_out import MonteCarloConventionsOut # noqa: PLC0415
        from ..models.ruin_by_year_out import RuinByYearOut # noqa: PLC0415
        from ..models.stored_inputs_out import StoredInputsOut # noqa: PLC0415
        d = dict(src_dict)
        annual_return = d.pop("annual_return")

        annual_volatility = d.pop("annual_volatility")

        compute = MonteCarloComputeOut.from_dict(d.pop("compute"))




        conventions = MonteCarloConventionsOut.from_dict(d.pop("conventions"))




        fan_chart = []
        _fan_chart = d.pop("fan_chart")
        for fan_chart_item_data in (_fan_chart):
            fan_chart_item = FanChartRowOut.from_dict(fan_chart_item_data)



            fan_chart.append(fan_chart_item)


        from_profile = cast(list[str], d.pop("from_profile"))


        horizon_months = d.pop("horizon_months")

        median_ending_wealth = d.pop("median_ending_wealth")

        median_ending_wealth_real = d.pop("median_ending_wealth_real")

        paths = d.pop("paths")

        percentile_levels = cast(list[float], d.pop("percentile_levels"))


        def _parse_probability_above_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        probability_above_target = _parse_probability_above_target(d.pop("probability_above_target"))


        def _parse_risk_tolerance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        risk_tolerance = _parse_risk_tolerance(d.pop("risk_tolerance"))


        ruin_probability_by_year = []
        _ruin_probability_by_year = d.pop("ruin_probability_by_year")
        for ruin_probability_by_year_item_data in (_ruin_probability_by_year):
            ruin_probability_by_year_item = RuinByYearOut.from_dict(ruin_probability_by_year_item_data)



            ruin_probability_by_year.append(ruin_probability_by_year_item)


        seed = d.pop("seed")

        def _parse_stored_inputs(data: object) -> None | StoredInputsOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stored_inputs_type_0 = StoredInputsOut.from_dict(data)



                return stored_inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoredInputsOut, data)

        stored_inputs = _parse_stored_inputs(d.pop("stored_inputs"))


        success_probability = d.pop("success_probability")

        success_standard_error = d.pop("success_standard_error")

        monte_carlo_out = cls(
            annual_return=annual_return,
            annual_volatility=annual_volatility,
            compute=compute,
            conventions=conventions,
            fan_chart=fan_chart,
            from_profile=from_profile,
            horizon_months=horizon_months,
            median_ending_wealth=median_ending_wealth,
            median_ending_wealth_real=median_ending_wealth_real,
            paths=paths,
            percentile_levels=percentile_levels,
            probability_above_target=probability_above_target,
            risk_tolerance=risk_tolerance,
            ruin_probability_by_year=ruin_probability_by_year,
            seed=seed,
            stored_inputs=stored_inputs,
            success_probability=success_probability,
            success_standard_error=success_standard_error,
        )


        monte_carlo_out.additional_properties = d
        return monte_carlo_out

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
