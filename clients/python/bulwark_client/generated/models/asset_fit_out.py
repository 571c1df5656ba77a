from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tail_fit_out import TailFitOut





T = TypeVar("T", bound="AssetFitOut")



@_attrs_define
class AssetFitOut:
    """ 
        Attributes:
            drift (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            fit (TailFitOut):
            symbol (str):
            volatility (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    drift: float
    fit: TailFitOut
    symbol: str
    volatility: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tail_fit_out import TailFitOut # noqa: PLC0415
        drift = self.drift

        fit = self.fit.to_dict()

        symbol = self.symbol

        volatility = self.volatility


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "drift": drift,
            "fit": fit,
            "symbol": symbol,
            "volatility": volatility,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tail_fit_out import TailFitOut # noqa: PLC0415
        d = dict(src_dict)
        drift = d.pop("drift")

        fit = TailFitOut.from_dict(d.pop("fit"))




        symbol = d.pop("symbol")

        volatility = d.pop("volatility")

        asset_fit_out = cls(
            drift=drift,
            fit=fit,
            symbol=symbol,
            volatility=volatility,
        )


        asset_fit_out.additional_properties = d
        return asset_fit_out

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
