from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ReitIn")



@_attrs_define
class ReitIn:
    """ 
        Attributes:
            market_cap (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            sector (str): A Nareit property sector: office, industrial, retail, residential, diversified, lodging_resorts,
                self_storage, health_care, timberland, infrastructure, data_centers, specialty, mortgage
            symbol (str):
     """

    market_cap: str
    sector: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        market_cap = self.market_cap

        sector = self.sector

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "market_cap": market_cap,
            "sector": sector,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        market_cap = d.pop("market_cap")

        sector = d.pop("sector")

        symbol = d.pop("symbol")

        reit_in = cls(
            market_cap=market_cap,
            sector=sector,
            symbol=symbol,
        )


        reit_in.additional_properties = d
        return reit_in

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
