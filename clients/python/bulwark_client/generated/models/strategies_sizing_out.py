from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="StrategiesSizingOut")



@_attrs_define
class StrategiesSizingOut:
    """ 
        Attributes:
            max_position_fraction (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            method (str):
            notional (None | str):
            risk_fraction (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            volatility_multiple (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
     """

    max_position_fraction: str
    method: str
    notional: None | str
    risk_fraction: str
    volatility_multiple: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        max_position_fraction = self.max_position_fraction

        method = self.method

        notional: None | str
        notional = self.notional

        risk_fraction = self.risk_fraction

        volatility_multiple = self.volatility_multiple


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "max_position_fraction": max_position_fraction,
            "method": method,
            "notional": notional,
            "risk_fraction": risk_fraction,
            "volatility_multiple": volatility_multiple,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_position_fraction = d.pop("max_position_fraction")

        method = d.pop("method")

        def _parse_notional(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notional = _parse_notional(d.pop("notional"))


        risk_fraction = d.pop("risk_fraction")

        volatility_multiple = d.pop("volatility_multiple")

        strategies_sizing_out = cls(
            max_position_fraction=max_position_fraction,
            method=method,
            notional=notional,
            risk_fraction=risk_fraction,
            volatility_multiple=volatility_multiple,
        )


        strategies_sizing_out.additional_properties = d
        return strategies_sizing_out

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
