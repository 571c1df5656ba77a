from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.beta_estimation_out_proxies import BetaEstimationOutProxies





T = TypeVar("T", bound="BetaEstimationOut")



@_attrs_define
class BetaEstimationOut:
    """ 
        Attributes:
            min_observations (int):
            proxies (BetaEstimationOutProxies):
            source (str):
            window (int):
     """

    min_observations: int
    proxies: BetaEstimationOutProxies
    source: str
    window: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.beta_estimation_out_proxies import BetaEstimationOutProxies # noqa: PLC0415
        min_observations = self.min_observations

        proxies = self.proxies.to_dict()

        source = self.source

        window = self.window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "min_observations": min_observations,
            "proxies": proxies,
            "source": source,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beta_estimation_out_proxies import BetaEstimationOutProxies # noqa: PLC0415
        d = dict(src_dict)
        min_observations = d.pop("min_observations")

        proxies = BetaEstimationOutProxies.from_dict(d.pop("proxies"))




        source = d.pop("source")

        window = d.pop("window")

        beta_estimation_out = cls(
            min_observations=min_observations,
            proxies=proxies,
            source=source,
            window=window,
        )


        beta_estimation_out.additional_properties = d
        return beta_estimation_out

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
