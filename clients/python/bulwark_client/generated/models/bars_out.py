from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.bar_out import BarOut
  from ..models.indicator_out import IndicatorOut





T = TypeVar("T", bound="BarsOut")



@_attrs_define
class BarsOut:
    """ 
        Attributes:
            bars (list[BarOut]):
            computed_at (datetime.datetime):
            indicators (list[IndicatorOut]):
            symbol (str):
            timeframe (str):
     """

    bars: list[BarOut]
    computed_at: datetime.datetime
    indicators: list[IndicatorOut]
    symbol: str
    timeframe: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bar_out import BarOut # noqa: PLC0415
        from ..models.indicator_out import IndicatorOut # noqa: PLC0415
        bars = []
        for bars_item_data in self.bars:
            bars_item = bars_item_data.to_dict()
            bars.append(bars_item)



        computed_at = self.computed_at.isoformat()

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)



        symbol = self.symbol

        timeframe = self.timeframe


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bars": bars,
            "computed_at": computed_at,
            "indicators": indicators,
            "symbol": symbol,
            "timeframe": timeframe,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bar_out import BarOut # noqa: PLC0415
        from ..models.indicator_out import IndicatorOut # noqa: PLC0415
        d = dict(src_dict)
        bars = []
        _bars = d.pop("bars")
        for bars_item_data in (_bars):
            bars_item = BarOut.from_dict(bars_item_data)



            bars.append(bars_item)


        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))




        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in (_indicators):
            indicators_item = IndicatorOut.from_dict(indicators_item_data)



            indicators.append(indicators_item)


        symbol = d.pop("symbol")

        timeframe = d.pop("timeframe")

        bars_out = cls(
            bars=bars,
            computed_at=computed_at,
            indicators=indicators,
            symbol=symbol,
            timeframe=timeframe,
        )


        bars_out.additional_properties = d
        return bars_out

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
