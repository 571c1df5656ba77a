from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RiskSizingIn")



@_attrs_define
class RiskSizingIn:
    """ 
        Attributes:
            account_id (None | str | Unset):
            entry (None | str | Unset):
            equity (None | str | Unset):
            lot_size (None | str | Unset):
            max_position_fraction (str | Unset): A fraction in (0, 1] (0.25 = 25%), 8 decimal places; a decimal string such
                as "12.5" Default: '0.1'.
            multiplier (None | str | Unset):
            risk_fraction (str | Unset): A fraction in (0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as
                "12.5" Default: '0.02'.
            stop (None | str | Unset):
            symbol (None | str | Unset):
            volatility (None | str | Unset):
            volatility_multiple (str | Unset): A positive multiple (leverage, volatility multiple), at most 1000; a decimal
                string such as "12.5" Default: '2'.
     """

    account_id: None | str | Unset = UNSET
    entry: None | str | Unset = UNSET
    equity: None | str | Unset = UNSET
    lot_size: None | str | Unset = UNSET
    max_position_fraction: str | Unset = '0.1'
    multiplier: None | str | Unset = UNSET
    risk_fraction: str | Unset = '0.02'
    stop: None | str | Unset = UNSET
    symbol: None | str | Unset = UNSET
    volatility: None | str | Unset = UNSET
    volatility_multiple: str | Unset = '2'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        entry: None | str | Unset
        if isinstance(self.entry, Unset):
            entry = UNSET
        else:
            entry = self.entry

        equity: None | str | Unset
        if isinstance(self.equity, Unset):
            equity = UNSET
        else:
            equity = self.equity

        lot_size: None | str | Unset
        if isinstance(self.lot_size, Unset):
            lot_size = UNSET
        else:
            lot_size = self.lot_size

        max_position_fraction = self.max_position_fraction

        multiplier: None | str | Unset
        if isinstance(self.multiplier, Unset):
            multiplier = UNSET
        else:
            multiplier = self.multiplier

        risk_fraction = self.risk_fraction

        stop: None | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        else:
            stop = self.stop

        symbol: None | str | Unset
        if isinstance(self.symbol, Unset):
            symbol = UNSET
        else:
            symbol = self.symbol

        volatility: None | str | Unset
        if isinstance(self.volatility, Unset):
            volatility = UNSET
        else:
            volatility = self.volatility

        volatility_multiple = self.volatility_multiple


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if entry is not UNSET:
            field_dict["entry"] = entry
        if equity is not UNSET:
            field_dict["equity"] = equity
        if lot_size is not UNSET:
            field_dict["lot_size"] = lot_size
        if max_position_fraction is not UNSET:
            field_dict["max_position_fraction"] = max_position_fraction
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier
        if risk_fraction is not UNSET:
            field_dict["risk_fraction"] = risk_fraction
        if stop is not UNSET:
            field_dict["stop"] = stop
        if symbol is not UNSET:
            field_dict["symbol"] = symbol
        if volatility is not UNSET:
            field_dict["volatility"] = volatility
        if volatility_multiple is not UNSET:
            field_dict["volatility_multiple"] = volatility_multiple

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        def _parse_entry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        entry = _parse_entry(d.pop("entry", UNSET))


        def _parse_equity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        equity = _parse_equity(d.pop("equity", UNSET))


        def _parse_lot_size(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lot_size = _parse_lot_size(d.pop("lot_size", UNSET))


        max_position_fraction = d.pop("max_position_fraction", UNSET)

        def _parse_multiplier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        multiplier = _parse_multiplier(d.pop("multiplier", UNSET))


        risk_fraction = d.pop("risk_fraction", UNSET)

        def _parse_stop(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stop = _parse_stop(d.pop("stop", UNSET))


        def _parse_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symbol = _parse_symbol(d.pop("symbol", UNSET))


        def _parse_volatility(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        volatility = _parse_volatility(d.pop("volatility", UNSET))


        volatility_multiple = d.pop("volatility_multiple", UNSET)

        risk_sizing_in = cls(
            account_id=account_id,
            entry=entry,
            equity=equity,
            lot_size=lot_size,
            max_position_fraction=max_position_fraction,
            multiplier=multiplier,
            risk_fraction=risk_fraction,
            stop=stop,
            symbol=symbol,
            volatility=volatility,
            volatility_multiple=volatility_multiple,
        )


        risk_sizing_in.additional_properties = d
        return risk_sizing_in

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
