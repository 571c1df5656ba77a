from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from ..models.mode import Mode
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PriceAlertIn")



@_attrs_define
class PriceAlertIn:
    """ 
        Attributes:
            direction (Direction):
            symbol (str):
            threshold (str): A positive price, at most 1e9, 10 decimal places; a decimal string such as "12.5"
            hysteresis (None | str | Unset):
            mode (Mode | Unset):
            note (str | Unset):  Default: ''.
     """

    direction: Direction
    symbol: str
    threshold: str
    hysteresis: None | str | Unset = UNSET
    mode: Mode | Unset = UNSET
    note: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        direction = self.direction.value

        symbol = self.symbol

        threshold = self.threshold

        hysteresis: None | str | Unset
        if isinstance(self.hysteresis, Unset):
            hysteresis = UNSET
        else:
            hysteresis = self.hysteresis

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value


        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "direction": direction,
            "symbol": symbol,
            "threshold": threshold,
        })
        if hysteresis is not UNSET:
            field_dict["hysteresis"] = hysteresis
        if mode is not UNSET:
            field_dict["mode"] = mode
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        direction = Direction(d.pop("direction"))




        symbol = d.pop("symbol")

        threshold = d.pop("threshold")

        def _parse_hysteresis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hysteresis = _parse_hysteresis(d.pop("hysteresis", UNSET))


        _mode = d.pop("mode", UNSET)
        mode: Mode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = Mode(_mode)




        note = d.pop("note", UNSET)

        price_alert_in = cls(
            direction=direction,
            symbol=symbol,
            threshold=threshold,
            hysteresis=hysteresis,
            mode=mode,
            note=note,
        )


        price_alert_in.additional_properties = d
        return price_alert_in

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
