from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.regime import Regime
from typing import cast

if TYPE_CHECKING:
  from ..models.detection_out_scores import DetectionOutScores





T = TypeVar("T", bound="DetectionOut")



@_attrs_define
class DetectionOut:
    """ 
        Attributes:
            drawdown (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            label (Regime): Market regimes, the first four in the order of the default model's transition matrix;
                    CALIBRATED is the single regime of a model fitted to a portfolio's history
                    (montecarlo/calibration.py), never part of the default model.
            observations (int):
            rsi (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            scores (DetectionOutScores):
            sma_200 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            sma_50 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            trend (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility_60d (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    drawdown: float
    label: Regime
    observations: int
    rsi: float
    scores: DetectionOutScores
    sma_200: float
    sma_50: float
    trend: float
    volatility: float
    volatility_60d: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.detection_out_scores import DetectionOutScores # noqa: PLC0415
        drawdown = self.drawdown

        label = self.label.value

        observations = self.observations

        rsi = self.rsi

        scores = self.scores.to_dict()

        sma_200 = self.sma_200

        sma_50 = self.sma_50

        trend = self.trend

        volatility = self.volatility

        volatility_60d = self.volatility_60d


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "drawdown": drawdown,
            "label": label,
            "observations": observations,
            "rsi": rsi,
            "scores": scores,
            "sma_200": sma_200,
            "sma_50": sma_50,
            "trend": trend,
            "volatility": volatility,
            "volatility_60d": volatility_60d,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.detection_out_scores import DetectionOutScores # noqa: PLC0415
        d = dict(src_dict)
        drawdown = d.pop("drawdown")

        label = Regime(d.pop("label"))




        observations = d.pop("observations")

        rsi = d.pop("rsi")

        scores = DetectionOutScores.from_dict(d.pop("scores"))




        sma_200 = d.pop("sma_200")

        sma_50 = d.pop("sma_50")

        trend = d.pop("trend")

        volatility = d.pop("volatility")

        volatility_60d = d.pop("volatility_60d")

        detection_out = cls(
            drawdown=drawdown,
            label=label,
            observations=observations,
            rsi=rsi,
            scores=scores,
            sma_200=sma_200,
            sma_50=sma_50,
            trend=trend,
            volatility=volatility,
            volatility_60d=volatility_60d,
        )


        detection_out.additional_properties = d
        return detection_out

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
