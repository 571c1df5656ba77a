from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.regime_out_cross import RegimeOutCross
from ..models.regime_out_label import RegimeOutLabel
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.regime_out_conventions import RegimeOutConventions
  from ..models.regime_out_scores import RegimeOutScores
  from ..models.stored_history_out import StoredHistoryOut





T = TypeVar("T", bound="RegimeOut")



@_attrs_define
class RegimeOut:
    """ 
        Attributes:
            conventions (RegimeOutConventions):
            cross (RegimeOutCross):
            drawdown (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            label (RegimeOutLabel):
            last_close (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            observations (int):
            rsi_14 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            scores (RegimeOutScores):
            sma_200 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            sma_50 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            trend (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility_20d (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility_60d (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            history (None | StoredHistoryOut | Unset): The stored closes read; null for a posted history
     """

    conventions: RegimeOutConventions
    cross: RegimeOutCross
    drawdown: float
    label: RegimeOutLabel
    last_close: float
    observations: int
    rsi_14: float
    scores: RegimeOutScores
    sma_200: float
    sma_50: float
    trend: float
    volatility_20d: float
    volatility_60d: float
    history: None | StoredHistoryOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.regime_out_conventions import RegimeOutConventions # noqa: PLC0415
        from ..models.regime_out_scores import RegimeOutScores # noqa: PLC0415
        from ..models.stored_history_out import StoredHistoryOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        cross = self.cross.value

        drawdown = self.drawdown

        label = self.label.value

        last_close = self.last_close

        observations = self.observations

        rsi_14 = self.rsi_14

        scores = self.scores.to_dict()

        sma_200 = self.sma_200

        sma_50 = self.sma_50

        trend = self.trend

        volatility_20d = self.volatility_20d

        volatility_60d = self.volatility_60d

        history: dict[str, Any] | None | Unset
        if isinstance(self.history, Unset):
            history = UNSET
        elif isinstance(self.history, StoredHistoryOut):
            history = self.history.to_dict()
        else:
            history = self.history


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "cross": cross,
            "drawdown": drawdown,
            "label": label,
            "last_close": last_close,
            "observations": observations,
            "rsi_14": rsi_14,
            "scores": scores,
            "sma_200": sma_200,
            "sma_50": sma_50,
            "trend": trend,
            "volatility_20d": volatility_20d,
            "volatility_60d": volatility_60d,
        })
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.regime_out_conventions import RegimeOutConventions # noqa: PLC0415
        from ..models.regime_out_scores import RegimeOutScores # noqa: PLC0415
        from ..models.stored_history_out import StoredHistoryOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = RegimeOutConventions.from_dict(d.pop("conventions"))




        cross = RegimeOutCross(d.pop("cross"))




        drawdown = d.pop("drawdown")

        label = RegimeOutLabel(d.pop("label"))




        last_close = d.pop("last_close")

        observations = d.pop("observations")

        rsi_14 = d.pop("rsi_14")

        scores = RegimeOutScores.from_dict(d.pop("scores"))




        sma_200 = d.pop("sma_200")

        sma_50 = d.pop("sma_50")

        trend = d.pop("trend")

        volatility_20d = d.pop("volatility_20d")

        volatility_60d = d.pop("volatility_60d")

        def _parse_history(data: object) -> None | StoredHistoryOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_type_0 = StoredHistoryOut.from_dict(data)



                return history_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoredHistoryOut | Unset, data)

        history = _parse_history(d.pop("history", UNSET))


        regime_out = cls(
            conventions=conventions,
            cross=cross,
            drawdown=drawdown,
            label=label,
            last_close=last_close,
            observations=observations,
            rsi_14=rsi_14,
            scores=scores,
            sma_200=sma_200,
            sma_50=sma_50,
            trend=trend,
            volatility_20d=volatility_20d,
            volatility_60d=volatility_60d,
            history=history,
        )


        regime_out.additional_properties = d
        return regime_out

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
