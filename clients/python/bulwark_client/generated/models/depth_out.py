from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.book_source_out import BookSourceOut
  from ..models.depth_level_out import DepthLevelOut
  from ..models.level_gap_out import LevelGapOut
  from ..models.spread_out import SpreadOut
  from ..models.whale_out import WhaleOut
  from ..models.whale_rule_out import WhaleRuleOut





T = TypeVar("T", bound="DepthOut")



@_attrs_define
class DepthOut:
    """ 
        Attributes:
            asks (list[DepthLevelOut]):
            at (datetime.datetime):
            bids (list[DepthLevelOut]):
            book (BookSourceOut):
            imbalance (None | str):
            imbalance_levels (int):
            level_gaps (list[LevelGapOut]):
            microprice (None | str):
            mid (None | str):
            spread (None | SpreadOut):
            symbol (str):
            whale_rule (WhaleRuleOut):
            whales (list[WhaleOut]):
            widest_gap (LevelGapOut | None):
     """

    asks: list[DepthLevelOut]
    at: datetime.datetime
    bids: list[DepthLevelOut]
    book: BookSourceOut
    imbalance: None | str
    imbalance_levels: int
    level_gaps: list[LevelGapOut]
    microprice: None | str
    mid: None | str
    spread: None | SpreadOut
    symbol: str
    whale_rule: WhaleRuleOut
    whales: list[WhaleOut]
    widest_gap: LevelGapOut | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.book_source_out import BookSourceOut # noqa: PLC0415
        from ..models.depth_level_out import DepthLevelOut # noqa: PLC0415
        from ..models.level_gap_out import LevelGapOut # noqa: PLC0415
        from ..models.spread_out import SpreadOut # noqa: PLC0415
        from ..models.whale_out import WhaleOut # noqa: PLC0415
        from ..models.whale_rule_out import WhaleRuleOut # noqa: PLC0415
        asks = []
        for asks_item_data in self.asks:
            asks_item = asks_item_data.to_dict()
            asks.append(asks_item)



        at = self.at.isoformat()

        bids = []
        for bids_item_data in self.bids:
            bids_item = bids_item_data.to_dict()
            bids.append(bids_item)



        book = self.book.to_dict()

        imbalance: None | str
        imbalance = self.imbalance

        imbalance_levels = self.imbalance_levels

        level_gaps = []
        for level_gaps_item_data in self.level_gaps:
            level_gaps_item = level_gaps_item_data.to_dict()
            level_gaps.append(level_gaps_item)



        microprice: None | str
        microprice = self.microprice

        mid: None | str
        mid = self.mid

        spread: dict[str, Any] | None
        if isinstance(self.spread, SpreadOut):
            spread = self.spread.to_dict()
        else:
            spread = self.spread

        symbol = self.symbol

        whale_rule = self.whale_rule.to_dict()

        whales = []
        for whales_item_data in self.whales:
            whales_item = whales_item_data.to_dict()
            whales.append(whales_item)



        widest_gap: dict[str, Any] | None
        if isinstance(self.widest_gap, LevelGapOut):
            widest_gap = self.widest_gap.to_dict()
        else:
            widest_gap = self.widest_gap


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asks": asks,
            "at": at,
            "bids": bids,
            "book": book,
            "imbalance": imbalance,
            "imbalance_levels": imbalance_levels,
            "level_gaps": level_gaps,
            "microprice": microprice,
            "mid": mid,
            "spread": spread,
            "symbol": symbol,
            "whale_rule": whale_rule,
            "whales": whales,
            "widest_gap": widest_gap,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.book_source_out import BookSourceOut # noqa: PLC0415
        from ..models.depth_level_out import DepthLevelOut # noqa: PLC0415
        from ..models.level_gap_out import LevelGapOut # noqa: PLC0415
        from ..models.spread_out import SpreadOut # noqa: PLC0415
        from ..models.whale_out import WhaleOut # noqa: PLC0415
        from ..models.whale_rule_out import WhaleRuleOut # noqa: PLC0415
        d = dict(src_dict)
        asks = []
        _asks = d.pop("asks")
        for asks_item_data in (_asks):
            asks_item = DepthLevelOut.from_dict(asks_item_data)



            asks.append(asks_item)


        at = datetime.datetime.fromisoformat(d.pop("at"))




        bids = []
        _bids = d.pop("bids")
        for bids_item_data in (_bids):
            bids_item = DepthLevelOut.from_dict(bids_item_data)



            bids.append(bids_item)


        book = BookSourceOut.from_dict(d.pop("book"))




        def _parse_imbalance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        imbalance = _parse_imbalance(d.pop("imbalance"))


        imbalance_levels = d.pop("imbalance_levels")

        level_gaps = []
        _level_gaps = d.pop("level_gaps")
        for level_gaps_item_data in (_level_gaps):
            level_gaps_item = LevelGapOut.from_dict(level_gaps_item_data)



            level_gaps.append(level_gaps_item)


        def _parse_microprice(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        microprice = _parse_microprice(d.pop("microprice"))


        def _parse_mid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mid = _parse_mid(d.pop("mid"))


        def _parse_spread(data: object) -> None | SpreadOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                spread_type_0 = SpreadOut.from_dict(data)



                return spread_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpreadOut, data)

        spread = _parse_spread(d.pop("spread"))


        symbol = d.pop("symbol")

        whale_rule = WhaleRuleOut.from_dict(d.pop("whale_rule"))




        whales = []
        _whales = d.pop("whales")
        for whales_item_data in (_whales):
            whales_item = WhaleOut.from_dict(whales_item_data)



            whales.append(whales_item)


        def _parse_widest_gap(data: object) -> LevelGapOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                widest_gap_type_0 = LevelGapOut.from_dict(data)



                return widest_gap_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelGapOut | None, data)

        widest_gap = _parse_widest_gap(d.pop("widest_gap"))


        depth_out = cls(
            asks=asks,
            at=at,
            bids=bids,
            book=book,
            imbalance=imbalance,
            imbalance_levels=imbalance_levels,
            level_gaps=level_gaps,
            microprice=microprice,
            mid=mid,
            spread=spread,
            symbol=symbol,
            whale_rule=whale_rule,
            whales=whales,
            widest_gap=widest_gap,
        )


        depth_out.additional_properties = d
        return depth_out

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
