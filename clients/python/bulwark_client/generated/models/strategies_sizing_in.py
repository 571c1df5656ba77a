from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sizing_method import SizingMethod
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="StrategiesSizingIn")



@_attrs_define
class StrategiesSizingIn:
    """ 
        Attributes:
            max_position_fraction (None | str | Unset):
            method (SizingMethod | Unset): How an entry is sized (domain/risk/sizing.py does the arithmetic).

                    fixed_fraction: risk `risk_fraction` of equity between entry and the stop-loss.
                    volatility: the same with the stop `volatility_multiple` ATRs away.
                    fixed_notional: `notional` of base currency at the signal's price.
                    Each is capped at `max_position_fraction` of equity and rounded down to whole lots.

            notional (None | str | Unset):
            risk_fraction (None | str | Unset):
            volatility_multiple (None | str | Unset):
     """

    max_position_fraction: None | str | Unset = UNSET
    method: SizingMethod | Unset = UNSET
    notional: None | str | Unset = UNSET
    risk_fraction: None | str | Unset = UNSET
    volatility_multiple: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        max_position_fraction: None | str | Unset
        if isinstance(self.max_position_fraction, Unset):
            max_position_fraction = UNSET
        else:
            max_position_fraction = self.max_position_fraction

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value


        notional: None | str | Unset
        if isinstance(self.notional, Unset):
            notional = UNSET
        else:
            notional = self.notional

        risk_fraction: None | str | Unset
        if isinstance(self.risk_fraction, Unset):
            risk_fraction = UNSET
        else:
            risk_fraction = self.risk_fraction

        volatility_multiple: None | str | Unset
        if isinstance(self.volatility_multiple, Unset):
            volatility_multiple = UNSET
        else:
            volatility_multiple = self.volatility_multiple


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if max_position_fraction is not UNSET:
            field_dict["max_position_fraction"] = max_position_fraction
        if method is not UNSET:
            field_dict["method"] = method
        if notional is not UNSET:
            field_dict["notional"] = notional
        if risk_fraction is not UNSET:
            field_dict["risk_fraction"] = risk_fraction
        if volatility_multiple is not UNSET:
            field_dict["volatility_multiple"] = volatility_multiple

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_max_position_fraction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_position_fraction = _parse_max_position_fraction(d.pop("max_position_fraction", UNSET))


        _method = d.pop("method", UNSET)
        method: SizingMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = SizingMethod(_method)




        def _parse_notional(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notional = _parse_notional(d.pop("notional", UNSET))


        def _parse_risk_fraction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        risk_fraction = _parse_risk_fraction(d.pop("risk_fraction", UNSET))


        def _parse_volatility_multiple(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        volatility_multiple = _parse_volatility_multiple(d.pop("volatility_multiple", UNSET))


        strategies_sizing_in = cls(
            max_position_fraction=max_position_fraction,
            method=method,
            notional=notional,
            risk_fraction=risk_fraction,
            volatility_multiple=volatility_multiple,
        )


        strategies_sizing_in.additional_properties = d
        return strategies_sizing_in

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
