from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExitIn")



@_attrs_define
class ExitIn:
    """ 
        Attributes:
            exit_score (float | None | Unset):
            max_holding_bars (int | None | Unset):
            stop_loss_atr (None | str | Unset):
            stop_loss_fraction (None | str | Unset):
            take_profit_fraction (None | str | Unset):
     """

    exit_score: float | None | Unset = UNSET
    max_holding_bars: int | None | Unset = UNSET
    stop_loss_atr: None | str | Unset = UNSET
    stop_loss_fraction: None | str | Unset = UNSET
    take_profit_fraction: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        exit_score: float | None | Unset
        if isinstance(self.exit_score, Unset):
            exit_score = UNSET
        else:
            exit_score = self.exit_score

        max_holding_bars: int | None | Unset
        if isinstance(self.max_holding_bars, Unset):
            max_holding_bars = UNSET
        else:
            max_holding_bars = self.max_holding_bars

        stop_loss_atr: None | str | Unset
        if isinstance(self.stop_loss_atr, Unset):
            stop_loss_atr = UNSET
        else:
            stop_loss_atr = self.stop_loss_atr

        stop_loss_fraction: None | str | Unset
        if isinstance(self.stop_loss_fraction, Unset):
            stop_loss_fraction = UNSET
        else:
            stop_loss_fraction = self.stop_loss_fraction

        take_profit_fraction: None | str | Unset
        if isinstance(self.take_profit_fraction, Unset):
            take_profit_fraction = UNSET
        else:
            take_profit_fraction = self.take_profit_fraction


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if exit_score is not UNSET:
            field_dict["exit_score"] = exit_score
        if max_holding_bars is not UNSET:
            field_dict["max_holding_bars"] = max_holding_bars
        if stop_loss_atr is not UNSET:
            field_dict["stop_loss_atr"] = stop_loss_atr
        if stop_loss_fraction is not UNSET:
            field_dict["stop_loss_fraction"] = stop_loss_fraction
        if take_profit_fraction is not UNSET:
            field_dict["take_profit_fraction"] = take_profit_fraction

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_exit_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exit_score = _parse_exit_score(d.pop("exit_score", UNSET))


        def _parse_max_holding_bars(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_holding_bars = _parse_max_holding_bars(d.pop("max_holding_bars", UNSET))


        def _parse_stop_loss_atr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stop_loss_atr = _parse_stop_loss_atr(d.pop("stop_loss_atr", UNSET))


        def _parse_stop_loss_fraction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stop_loss_fraction = _parse_stop_loss_fraction(d.pop("stop_loss_fraction", UNSET))


        def _parse_take_profit_fraction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        take_profit_fraction = _parse_take_profit_fraction(d.pop("take_profit_fraction", UNSET))


        exit_in = cls(
            exit_score=exit_score,
            max_holding_bars=max_holding_bars,
            stop_loss_atr=stop_loss_atr,
            stop_loss_fraction=stop_loss_fraction,
            take_profit_fraction=take_profit_fraction,
        )


        exit_in.additional_properties = d
        return exit_in

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
