from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.timeframe import Timeframe
from typing import cast

if TYPE_CHECKING:
  from ..models.bar_out import BarOut





T = TypeVar("T", bound="BarPageOut")



@_attrs_define
class BarPageOut:
    """ 
        Attributes:
            adjusted (bool):
            bars (list[BarOut]):
            next_cursor (None | str):
            symbol (str):
            timeframe (Timeframe): The bar sizes every provider serves.
     """

    adjusted: bool
    bars: list[BarOut]
    next_cursor: None | str
    symbol: str
    timeframe: Timeframe
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bar_out import BarOut # noqa: PLC0415
        adjusted = self.adjusted

        bars = []
        for bars_item_data in self.bars:
            bars_item = bars_item_data.to_dict()
            bars.append(bars_item)



        next_cursor: None | str
        next_cursor = self.next_cursor

        symbol = self.symbol

        timeframe = self.timeframe.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "adjusted": adjusted,
            "bars": bars,
            "next_cursor": next_cursor,
            "symbol": symbol,
            "timeframe": timeframe,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bar_out import BarOut # noqa: PLC0415
        d = dict(src_dict)
        adjusted = d.pop("adjusted")

        bars = []
        _bars = d.pop("bars")
        for bars_item_data in (_bars):
            bars_item = BarOut.from_dict(bars_item_data)



            bars.append(bars_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        symbol = d.pop("symbol")

        timeframe = Timeframe(d.pop("timeframe"))




        bar_page_out = cls(
            adjusted=adjusted,
            bars=bars,
            next_cursor=next_cursor,
            symbol=symbol,
            timeframe=timeframe,
        )


        bar_page_out.additional_properties = d
        return bar_page_out

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
