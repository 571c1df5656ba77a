from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.regime import Regime
from ..models.scenario_out_regime_source import ScenarioOutRegimeSource
from typing import cast

if TYPE_CHECKING:
  from ..models.calibration_out import CalibrationOut
  from ..models.detection_out import DetectionOut
  from ..models.drawdown_out import DrawdownOut
  from ..models.fan_out import FanOut
  from ..models.hill_out import HillOut
  from ..models.moments_out import MomentsOut
  from ..models.risk_row_out import RiskRowOut
  from ..models.scenario_compute_out import ScenarioComputeOut
  from ..models.scenario_out_conventions import ScenarioOutConventions
  from ..models.scenario_out_regime_occupancy import ScenarioOutRegimeOccupancy
  from ..models.variance_reduction_out import VarianceReductionOut





T = TypeVar("T", bound="ScenarioOut")



@_attrs_define
class ScenarioOut:
    """ 
        Attributes:
            account_id (None | str):
            antithetic (bool):
            assets (list[str]):
            best (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            black_swan_paths (int):
            black_swan_share (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            calibration (CalibrationOut):
            compute (ScenarioComputeOut):
            conventions (ScenarioOutConventions):
            detected_regime (DetectionOut | None):
            drawdown (DrawdownOut):
            fan_chart (FanOut):
            initial_regime (Regime): Market regimes, the first four in the order of the default model's transition matrix;
                    CALIBRATED is the single regime of a model fitted to a portfolio's history
                    (montecarlo/calibration.py), never part of the default model.
            left_out (list[str]): A portfolio's positions not weighed: 'SYMBOL: why'
            mean_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mean_return_standard_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            moments (MomentsOut):
            observations (int):
            paths (int):
            portfolio_id (None | str):
            portfolio_value (None | str):
            regime_occupancy (ScenarioOutRegimeOccupancy):
            regime_source (ScenarioOutRegimeSource):
            risk (list[RiskRowOut]):
            seed (int):
            steps (int):
            tail_index (HillOut | None):
            variance_reduction (VarianceReductionOut):
            weights (list[float]):
            worst (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    account_id: None | str
    antithetic: bool
    assets: list[str]
    best: float
    black_swan_paths: int
    black_swan_share: float
    calibration: CalibrationOut
    compute: ScenarioComputeOut
    conventions: ScenarioOutConventions
    detected_regime: DetectionOut | None
    drawdown: DrawdownOut
    fan_chart: FanOut
    initial_regime: Regime
    left_out: list[str]
    mean_return: float
    mean_return_standard_error: float
    moments: MomentsOut
    observations: int
    paths: int
    portfolio_id: None | str
    portfolio_value: None | str
    regime_occupancy: ScenarioOutRegimeOccupancy
    regime_source: ScenarioOutRegimeSource
    risk: list[RiskRowOut]
    seed: int
    steps: int
    tail_index: HillOut | None
    variance_reduction: VarianceReductionOut
    weights: list[float]
    worst: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.calibration_out import CalibrationOut # noqa: PLC0415
        from ..models.detection_out import DetectionOut # noqa: PLC0415
        from ..models.drawdown_out import DrawdownOut # noqa: PLC0415
        from ..models.fan_out import FanOut # noqa: PLC0415
        from ..models.hill_out import HillOut # noqa: PLC0415
        from ..models.moments_out import MomentsOut # noqa: PLC0415
        from ..models.risk_row_out import RiskRowOut # noqa: PLC0415
        from ..models.scenario_compute_out import ScenarioComputeOut # noqa: PLC0415
        from ..models.scenario_out_conventions import ScenarioOutConventions # noqa: PLC0415
        from ..models.scenario_out_regime_occupancy import ScenarioOutRegimeOccupancy # noqa: PLC0415
        from ..models.variance_reduction_out import VarianceReductionOut # noqa: PLC0415
        account_id: None | str
        account_id = self.account_id

        antithetic = self.antithetic

        assets = self.assets



        best = self.best

        black_swan_paths = self.black_swan_paths

        black_swan_share = self.black_swan_share

        calibration = self.calibration.to_dict()

        compute = self.compute.to_dict()

        conventions = self.conventions.to_dict()

        detected_regime: dict[str, Any] | None
        if isinstance(self.detected_regime, DetectionOut):
            detected_regime = self.detected_regime.to_dict()
        else:
            detected_regime = self.detected_regime

        drawdown = self.drawdown.to_dict()

        fan_chart = self.fan_chart.to_dict()

        initial_regime = self.initial_regime.value

        left_out = self.left_out



        mean_return = self.mean_return

        mean_return_standard_error = self.mean_return_standard_error

        moments = self.moments.to_dict()

        observations = self.observations

        paths = self.paths

        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        portfolio_value: None | str
        portfolio_value = self.portfolio_value

        regime_occupancy = self.regime_occupancy.to_dict()

        regime_source = self.regime_source.value

        risk = []
        for risk_item_data in self.risk:
            risk_item = risk_item_data.to_dict()
            risk.append(risk_item)



        seed = self.seed

        steps = self.steps

        tail_index: dict[str, Any] | None
        if isinstance(self.tail_index, HillOut):
            tail_index = self.tail_index.to_dict()
        else:
            tail_index = self.tail_index

        variance_reduction = self.variance_reduction.to_dict()

        weights = self.weights



        worst = self.worst


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "antithetic": antithetic,
            "assets": assets,
            "best": best,
            "black_swan_paths": black_swan_paths,
            "black_swan_share": black_swan_share,
            "calibration": calibration,
            "compute": compute,
            "conventions": conventions,
            "detected_regime": detected_regime,
            "drawdown": drawdown,
            "fan_chart": fan_chart,
            "initial_regime": initial_regime,
            "left_out": left_out,
            "mean_return": mean_return,
            "mean_return_standard_error": mean_return_standard_error,
            "moments": moments,
            "observations": observations,
            "paths": paths,
            "portfolio_id": portfolio_id,
            "portfolio_value": portfolio_value,
            "regime_occupancy": regime_occupancy,
            "regime_source": regime_source,
            "risk": risk,
            "seed": seed,
            "steps": steps,
            "tail_index": tail_index,
            "variance_reduction": variance_reduction,
            "weights": weights,
            "worst": worst,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calibration_out import CalibrationOut # noqa: PLC0415
        from ..models.detection_out import DetectionOut # noqa: PLC0415
        from ..models.drawdown_out import DrawdownOut # noqa: PLC0415
        from ..models.fan_out import FanOut # noqa: PLC0415
        from ..models.hill_out import HillOut # noqa: PLC0415
        from ..models.moments_out import MomentsOut # noqa: PLC0415
        from ..models.risk_row_out import RiskRowOut # noqa: PLC0415
        from ..models.scenario_compute_out import ScenarioComputeOut # noqa: PLC0415
        from ..models.scenario_out_conventions import ScenarioOutConventions # noqa: PLC0415
        from ..models.scenario_out_regime_occupancy import ScenarioOutRegimeOccupancy # noqa: PLC0415
        from ..models.variance_reduction_out import VarianceReductionOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        antithetic = d.pop("antithetic")

        assets = cast(list[str], d.pop("assets"))


        best = d.pop("best")

        black_swan_paths = d.pop("black_swan_paths")

        black_swan_share = d.pop("black_swan_share")

        calibration = CalibrationOut.from_dict(d.pop("calibration"))




        compute = ScenarioComputeOut.from_dict(d.pop("compute"))




        conventions = ScenarioOutConventions.from_dict(d.pop("conventions"))




        def _parse_detected_regime(data: object) -> DetectionOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detected_regime_type_0 = DetectionOut.from_dict(data)



                return detected_regime_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DetectionOut | None, data)

        detected_regime = _parse_detected_regime(d.pop("detected_regime"))


        drawdown = DrawdownOut.from_dict(d.pop("drawdown"))




        fan_chart = FanOut.from_dict(d.pop("fan_chart"))




        initial_regime = Regime(d.pop("initial_regime"))




        left_out = cast(list[str], d.pop("left_out"))


        mean_return = d.pop("mean_return")

        mean_return_standard_error = d.pop("mean_return_standard_error")

        moments = MomentsOut.from_dict(d.pop("moments"))




        observations = d.pop("observations")

        paths = d.pop("paths")

        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        def _parse_portfolio_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_value = _parse_portfolio_value(d.pop("portfolio_value"))


        regime_occupancy = ScenarioOutRegimeOccupancy.from_dict(d.pop("regime_occupancy"))




        regime_source = ScenarioOutRegimeSource(d.pop("regime_source"))




        risk = []
        _risk = d.pop("risk")
        for risk_item_data in (_risk):
            risk_item = RiskRowOut.from_dict(risk_item_data)



            risk.append(risk_item)


        seed = d.pop("seed")

        steps = d.pop("steps")

        def _parse_tail_index(data: object) -> HillOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tail_index_type_0 = HillOut.from_dict(data)



                return tail_index_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HillOut | None, data)

        tail_index = _parse_tail_index(d.pop("tail_index"))


        variance_reduction = VarianceReductionOut.from_dict(d.pop("variance_reduction"))




        weights = cast(list[float], d.pop("weights"))


        worst = d.pop("worst")

        scenario_out = cls(
            account_id=account_id,
            antithetic=antithetic,
            assets=assets,
            best=best,
            black_swan_paths=black_swan_paths,
            black_swan_share=black_swan_share,
            calibration=calibration,
            compute=compute,
            conventions=conventions,
            detected_regime=detected_regime,
            drawdown=drawdown,
            fan_chart=fan_chart,
            initial_regime=initial_regime,
            left_out=left_out,
            mean_return=mean_return,
            mean_return_standard_error=mean_return_standard_error,
            moments=moments,
            observations=observations,
            paths=paths,
            portfolio_id=portfolio_id,
            portfolio_value=portfolio_value,
            regime_occupancy=regime_occupancy,
            regime_source=regime_source,
            risk=risk,
            seed=seed,
            steps=steps,
            tail_index=tail_index,
            variance_reduction=variance_reduction,
            weights=weights,
            worst=worst,
        )


        scenario_out.additional_properties = d
        return scenario_out

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
