from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.timeframe import Timeframe
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExternalSignalIn")



@_attrs_define
class ExternalSignalIn:
    """ 
        Attributes:
            score (float):
            symbol (str):
            atr (None | str | Unset):
            id (None | str | Unset):
            price (None | str | Unset):
            timeframe (None | Timeframe | Unset):
     """

    score: float
    symbol: str
    atr: None | str | Unset = UNSET
    id: None | str | Unset = UNSET
    price: None | str | Unset = UNSET
    timeframe: None | Timeframe | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        score = self.score

        symbol = self.symbol

        atr: None | str | Unset
        if isinstance(self.atr, Unset):
            atr = UNSET
        else:
            atr = self.atr

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        price: None | str | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        timeframe: None | str | Unset
        if isinstance(self.timeframe, Unset):
            timeframe = UNSET
        elif isinstance(self.timeframe, Timeframe):
            timeframe = self.timeframe.value
        else:
            timeframe = self.timeframe


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "score": score,
            "symbol": symbol,
        })
        if atr is not UNSET:
            field_dict["atr"] = atr
        if id is not UNSET:
            field_dict["id"] = id
        if price is not UNSET:
            field_dict["price"] = price
        if timeframe is not UNSET:
            field_dict["timeframe"] = timeframe

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        score = d.pop("score")

        symbol = d.pop("symbol")

        def _parse_atr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        atr = _parse_atr(d.pop("atr", UNSET))


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        price = _parse_price(d.pop("price", UNSET))


        def _parse_timeframe(data: object) -> None | Timeframe | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timeframe_type_0 = Timeframe(data)



                return timeframe_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Timeframe | Unset, data)

        timeframe = _parse_timeframe(d.pop("timeframe", UNSET))


        external_signal_in = cls(
            score=score,
            symbol=symbol,
            atr=atr,
            id=id,
            price=price,
            timeframe=timeframe,
        )


        external_signal_in.additional_properties = d
        return external_signal_in

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
