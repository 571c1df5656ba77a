from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RebalanceSymbolDriftOut")



@_attrs_define
class RebalanceSymbolDriftOut:
    """ 
        Attributes:
            drift_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            drift_weight (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            out_of_band (bool):
            symbol (str):
            target_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            target_weight (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            weight (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
     """

    drift_value: str
    drift_weight: str
    out_of_band: bool
    symbol: str
    target_value: str
    target_weight: str
    value: str
    weight: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        drift_value = self.drift_value

        drift_weight = self.drift_weight

        out_of_band = self.out_of_band

        symbol = self.symbol

        target_value = self.target_value

        target_weight = self.target_weight

        value = self.value

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "drift_value": drift_value,
            "drift_weight": drift_weight,
            "out_of_band": out_of_band,
            "symbol": symbol,
            "target_value": target_value,
            "target_weight": target_weight,
            "value": value,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        drift_value = d.pop("drift_value")

        drift_weight = d.pop("drift_weight")

        out_of_band = d.pop("out_of_band")

        symbol = d.pop("symbol")

        target_value = d.pop("target_value")

        target_weight = d.pop("target_weight")

        value = d.pop("value")

        weight = d.pop("weight")

        rebalance_symbol_drift_out = cls(
            drift_value=drift_value,
            drift_weight=drift_weight,
            out_of_band=out_of_band,
            symbol=symbol,
            target_value=target_value,
            target_weight=target_weight,
            value=value,
            weight=weight,
        )


        rebalance_symbol_drift_out.additional_properties = d
        return rebalance_symbol_drift_out

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
