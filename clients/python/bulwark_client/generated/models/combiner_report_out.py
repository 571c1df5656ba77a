from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.out_of_sample_out import OutOfSampleOut
  from ..models.quality_out import QualityOut
  from ..models.refit_out import RefitOut
  from ..models.weights_out import WeightsOut





T = TypeVar("T", bound="CombinerReportOut")



@_attrs_define
class CombinerReportOut:
    """ 
        Attributes:
            bars (int):
            from_ (datetime.date):
            learned_weights (None | WeightsOut):
            method (str):
            out_of_sample (None | OutOfSampleOut):
            quality (list[QualityOut]):
            refit_bars (int):
            refits (list[RefitOut]):
            sources (list[str]):
            stated_weights (list[float]):
            strategy_id (str):
            symbol (str):
            to (datetime.date):
            training_bars (int):
     """

    bars: int
    from_: datetime.date
    learned_weights: None | WeightsOut
    method: str
    out_of_sample: None | OutOfSampleOut
    quality: list[QualityOut]
    refit_bars: int
    refits: list[RefitOut]
    sources: list[str]
    stated_weights: list[float]
    strategy_id: str
    symbol: str
    to: datetime.date
    training_bars: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.out_of_sample_out import OutOfSampleOut # noqa: PLC0415
        from ..models.quality_out import QualityOut # noqa: PLC0415
        from ..models.refit_out import RefitOut # noqa: PLC0415
        from ..models.weights_out import WeightsOut # noqa: PLC0415
        bars = self.bars

        from_ = self.from_.isoformat()

        learned_weights: dict[str, Any] | None
        if isinstance(self.learned_weights, WeightsOut):
            learned_weights = self.learned_weights.to_dict()
        else:
            learned_weights = self.learned_weights

        method = self.method

        out_of_sample: dict[str, Any] | None
        if isinstance(self.out_of_sample, OutOfSampleOut):
            out_of_sample = self.out_of_sample.to_dict()
        else:
            out_of_sample = self.out_of_sample

        quality = []
        for quality_item_data in self.quality:
            quality_item = quality_item_data.to_dict()
            quality.append(quality_item)



        refit_bars = self.refit_bars

        refits = []
        for refits_item_data in self.refits:
            refits_item = refits_item_data.to_dict()
            refits.append(refits_item)



        sources = self.sources



        stated_weights = self.stated_weights



        strategy_id = self.strategy_id

        symbol = self.symbol

        to = self.to.isoformat()

        training_bars = self.training_bars


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bars": bars,
            "from": from_,
            "learned_weights": learned_weights,
            "method": method,
            "out_of_sample": out_of_sample,
            "quality": quality,
            "refit_bars": refit_bars,
            "refits": refits,
            "sources": sources,
            "stated_weights": stated_weights,
            "strategy_id": strategy_id,
            "symbol": symbol,
            "to": to,
            "training_bars": training_bars,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.out_of_sample_out import OutOfSampleOut # noqa: PLC0415
        from ..models.quality_out import QualityOut # noqa: PLC0415
        from ..models.refit_out import RefitOut # noqa: PLC0415
        from ..models.weights_out import WeightsOut # noqa: PLC0415
        d = dict(src_dict)
        bars = d.pop("bars")

        from_ = datetime.date.fromisoformat(d.pop("from"))




        def _parse_learned_weights(data: object) -> None | WeightsOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                learned_weights_type_0 = WeightsOut.from_dict(data)



                return learned_weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WeightsOut, data)

        learned_weights = _parse_learned_weights(d.pop("learned_weights"))


        method = d.pop("method")

        def _parse_out_of_sample(data: object) -> None | OutOfSampleOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                out_of_sample_type_0 = OutOfSampleOut.from_dict(data)



                return out_of_sample_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutOfSampleOut, data)

        out_of_sample = _parse_out_of_sample(d.pop("out_of_sample"))


        quality = []
        _quality = d.pop("quality")
        for quality_item_data in (_quality):
            quality_item = QualityOut.from_dict(quality_item_data)



            quality.append(quality_item)


        refit_bars = d.pop("refit_bars")

        refits = []
        _refits = d.pop("refits")
        for refits_item_data in (_refits):
            refits_item = RefitOut.from_dict(refits_item_data)



            refits.append(refits_item)


        sources = cast(list[str], d.pop("sources"))


        stated_weights = cast(list[float], d.pop("stated_weights"))


        strategy_id = d.pop("strategy_id")

        symbol = d.pop("symbol")

        to = datetime.date.fromisoformat(d.pop("to"))




        training_bars = d.pop("training_bars")

        combiner_report_out = cls(
            bars=bars,
            from_=from_,
            learned_weights=learned_weights,
            method=method,
            out_of_sample=out_of_sample,
            quality=quality,
            refit_bars=refit_bars,
            refits=refits,
            sources=sources,
            stated_weights=stated_weights,
            strategy_id=strategy_id,
            symbol=symbol,
            to=to,
            training_bars=training_bars,
        )


        combiner_report_out.additional_properties = d
        return combiner_report_out

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
