from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InflationBetaOut")



@_attrs_define
class InflationBetaOut:
    """ 
        Attributes:
            alpha (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            beta (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            observations (int):
            r_squared (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            standard_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            symbol (str):
            t_statistic (float | None):
     """

    alpha: float
    beta: float
    observations: int
    r_squared: float
    standard_error: float
    symbol: str
    t_statistic: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alpha = self.alpha

        beta = self.beta

        observations = self.observations

        r_squared = self.r_squared

        standard_error = self.standard_error

        symbol = self.symbol

        t_statistic: float | None
        t_statistic = self.t_statistic


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alpha": alpha,
            "beta": beta,
            "observations": observations,
            "r_squared": r_squared,
            "standard_error": standard_error,
            "symbol": symbol,
            "t_statistic": t_statistic,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alpha = d.pop("alpha")

        beta = d.pop("beta")

        observations = d.pop("observations")

        r_squared = d.pop("r_squared")

        standard_error = d.pop("standard_error")

        symbol = d.pop("symbol")

        def _parse_t_statistic(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        t_statistic = _parse_t_statistic(d.pop("t_statistic"))


        inflation_beta_out = cls(
            alpha=alpha,
            beta=beta,
            observations=observations,
            r_squared=r_squared,
            standard_error=standard_error,
            symbol=symbol,
            t_statistic=t_statistic,
        )


        inflation_beta_out.additional_properties = d
        return inflation_beta_out

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
