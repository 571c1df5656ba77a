from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="EsgHoldingCarbonOut")



@_attrs_define
class EsgHoldingCarbonOut:
    """ 
        Attributes:
            attribution_factor (None | str):
            emissions_tco2e (None | str):
            financed_tco2e (None | str):
            intensity (None | str):
            pcaf_quality (int | None):
            symbol (str):
            value (str):
     """

    attribution_factor: None | str
    emissions_tco2e: None | str
    financed_tco2e: None | str
    intensity: None | str
    pcaf_quality: int | None
    symbol: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attribution_factor: None | str
        attribution_factor = self.attribution_factor

        emissions_tco2e: None | str
        emissions_tco2e = self.emissions_tco2e

        financed_tco2e: None | str
        financed_tco2e = self.financed_tco2e

        intensity: None | str
        intensity = self.intensity

        pcaf_quality: int | None
        pcaf_quality = self.pcaf_quality

        symbol = self.symbol

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attribution_factor": attribution_factor,
            "emissions_tco2e": emissions_tco2e,
            "financed_tco2e": financed_tco2e,
            "intensity": intensity,
            "pcaf_quality": pcaf_quality,
            "symbol": symbol,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_attribution_factor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attribution_factor = _parse_attribution_factor(d.pop("attribution_factor"))


        def _parse_emissions_tco2e(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emissions_tco2e = _parse_emissions_tco2e(d.pop("emissions_tco2e"))


        def _parse_financed_tco2e(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        financed_tco2e = _parse_financed_tco2e(d.pop("financed_tco2e"))


        def _parse_intensity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        intensity = _parse_intensity(d.pop("intensity"))


        def _parse_pcaf_quality(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pcaf_quality = _parse_pcaf_quality(d.pop("pcaf_quality"))


        symbol = d.pop("symbol")

        value = d.pop("value")

        esg_holding_carbon_out = cls(
            attribution_factor=attribution_factor,
            emissions_tco2e=emissions_tco2e,
            financed_tco2e=financed_tco2e,
            intensity=intensity,
            pcaf_quality=pcaf_quality,
            symbol=symbol,
            value=value,
        )


        esg_holding_carbon_out.additional_properties = d
        return esg_holding_carbon_out

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
