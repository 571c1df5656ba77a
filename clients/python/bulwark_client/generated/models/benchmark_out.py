from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BenchmarkOut")



@_attrs_define
class BenchmarkOut:
    """ 
        Attributes:
            alpha (float | None): Jensen's: mean(r_p - rf) - beta x mean(r_b - rf) per day, x 252 (arithmetic)
            benchmark_return (float | None): The benchmark's compounded return over the aligned days
            beta (float | None): Sample cov(r_p, r_b) / sample var(r_b); null under 2 days or flat
            information_ratio (float | None): mean(r_p - r_b) x 252 / tracking error; null when it is 0
            points (int): Aligned days
            symbol (str):
            tracking_error (float | None): Sample stdev of r_p - r_b x sqrt(252); null under 2 days
     """

    alpha: float | None
    benchmark_return: float | None
    beta: float | None
    information_ratio: float | None
    points: int
    symbol: str
    tracking_error: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alpha: float | None
        alpha = self.alpha

        benchmark_return: float | None
        benchmark_return = self.benchmark_return

        beta: float | None
        beta = self.beta

        information_ratio: float | None
        information_ratio = self.information_ratio

        points = self.points

        symbol = self.symbol

        tracking_error: float | None
        tracking_error = self.tracking_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alpha": alpha,
            "benchmark_return": benchmark_return,
            "beta": beta,
            "information_ratio": information_ratio,
            "points": points,
            "symbol": symbol,
            "tracking_error": tracking_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_alpha(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        alpha = _parse_alpha(d.pop("alpha"))


        def _parse_benchmark_return(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        benchmark_return = _parse_benchmark_return(d.pop("benchmark_return"))


        def _parse_beta(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        beta = _parse_beta(d.pop("beta"))


        def _parse_information_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        information_ratio = _parse_information_ratio(d.pop("information_ratio"))


        points = d.pop("points")

        symbol = d.pop("symbol")

        def _parse_tracking_error(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        tracking_error = _parse_tracking_error(d.pop("tracking_error"))


        benchmark_out = cls(
            alpha=alpha,
            benchmark_return=benchmark_return,
            beta=beta,
            information_ratio=information_ratio,
            points=points,
            symbol=symbol,
            tracking_error=tracking_error,
        )


        benchmark_out.additional_properties = d
        return benchmark_out

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
