from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ExitOut")



@_attrs_define
class ExitOut:
    """ 
        Attributes:
            exit_score (float | None):
            max_holding_bars (int | None):
            stop_loss_atr (None | str):
            stop_loss_fraction (None | str):
            take_profit_fraction (None | str):
     """

    exit_score: float | None
    max_holding_bars: int | None
    stop_loss_atr: None | str
    stop_loss_fraction: None | str
    take_profit_fraction: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        exit_score: float | None
        exit_score = self.exit_score

        max_holding_bars: int | None
        max_holding_bars = self.max_holding_bars

        stop_loss_atr: None | str
        stop_loss_atr = self.stop_loss_atr

        stop_loss_fraction: None | str
        stop_loss_fraction = self.stop_loss_fraction

        take_profit_fraction: None | str
        take_profit_fraction = self.take_profit_fraction


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exit_score": exit_score,
            "max_holding_bars": max_holding_bars,
            "stop_loss_atr": stop_loss_atr,
            "stop_loss_fraction": stop_loss_fraction,
            "take_profit_fraction": take_profit_fraction,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_exit_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        exit_score = _parse_exit_score(d.pop("exit_score"))


        def _parse_max_holding_bars(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_holding_bars = _parse_max_holding_bars(d.pop("max_holding_bars"))


        def _parse_stop_loss_atr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stop_loss_atr = _parse_stop_loss_atr(d.pop("stop_loss_atr"))


        def _parse_stop_loss_fraction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stop_loss_fraction = _parse_stop_loss_fraction(d.pop("stop_loss_fraction"))


        def _parse_take_profit_fraction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        take_profit_fraction = _parse_take_profit_fraction(d.pop("take_profit_fraction"))


        exit_out = cls(
            exit_score=exit_score,
            max_holding_bars=max_holding_bars,
            stop_loss_atr=stop_loss_atr,
            stop_loss_fraction=stop_loss_fraction,
            take_profit_fraction=take_profit_fraction,
        )


        exit_out.additional_properties = d
        return exit_out

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
