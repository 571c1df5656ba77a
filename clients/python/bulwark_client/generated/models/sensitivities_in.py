from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SensitivitiesIn")



@_attrs_define
class SensitivitiesIn:
    """ 
        Attributes:
            beta_equity (float | Unset): Return per unit equity-market return Default: 0.0.
            beta_oil (float | Unset): Return per unit crude-oil return Default: 0.0.
            beta_usd (float | Unset): Return per unit U.S.-dollar return Default: 0.0.
            convexity (float | Unset): Convexity to yields, years^2 Default: 0.0.
            duration (float | Unset): Modified duration to yields, years Default: 0.0.
            spread_duration (float | Unset): Duration to credit spreads, years Default: 0.0.
     """

    beta_equity: float | Unset = 0.0
    beta_oil: float | Unset = 0.0
    beta_usd: float | Unset = 0.0
    convexity: float | Unset = 0.0
    duration: float | Unset = 0.0
    spread_duration: float | Unset = 0.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        beta_equity = self.beta_equity

        beta_oil = self.beta_oil

        beta_usd = self.beta_usd

        convexity = self.convexity

        duration = self.duration

        spread_duration = self.spread_duration


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if beta_equity is not UNSET:
            field_dict["beta_equity"] = beta_equity
        if beta_oil is not UNSET:
            field_dict["beta_oil"] = beta_oil
        if beta_usd is not UNSET:
            field_dict["beta_usd"] = beta_usd
        if convexity is not UNSET:
            field_dict["convexity"] = convexity
        if duration is not UNSET:
            field_dict["duration"] = duration
        if spread_duration is not UNSET:
            field_dict["spread_duration"] = spread_duration

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        beta_equity = d.pop("beta_equity", UNSET)

        beta_oil = d.pop("beta_oil", UNSET)

        beta_usd = d.pop("beta_usd", UNSET)

        convexity = d.pop("convexity", UNSET)

        duration = d.pop("duration", UNSET)

        spread_duration = d.pop("spread_duration", UNSET)

        sensitivities_in = cls(
            beta_equity=beta_equity,
            beta_oil=beta_oil,
            beta_usd=beta_usd,
            convexity=convexity,
            duration=duration,
            spread_duration=spread_duration,
        )


        sensitivities_in.additional_properties = d
        return sensitivities_in

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
