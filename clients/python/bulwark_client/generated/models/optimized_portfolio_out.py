from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OptimizedPortfolioOut")



@_attrs_define
class OptimizedPortfolioOut:
    """ 
        Attributes:
            diversification_ratio (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            effective_assets (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            expected_return (float | None):
            sharpe_ratio (float | None):
            volatility (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            tracking_error (float | None | Unset):
            turnover (float | None | Unset):
     """

    diversification_ratio: float
    effective_assets: float
    expected_return: float | None
    sharpe_ratio: float | None
    volatility: float
    tracking_error: float | None | Unset = UNSET
    turnover: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        diversification_ratio = self.diversification_ratio

        effective_assets = self.effective_assets

        expected_return: float | None
        expected_return = self.expected_return

        sharpe_ratio: float | None
        sharpe_ratio = self.sharpe_ratio

        volatility = self.volatility

        tracking_error: float | None | Unset
        if isinstance(self.tracking_error, Unset):
            tracking_error = UNSET
        else:
            tracking_error = self.tracking_error

        turnover: float | None | Unset
        if isinstance(self.turnover, Unset):
            turnover = UNSET
        else:
            turnover = self.turnover


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "diversification_ratio": diversification_ratio,
            "effective_assets": effective_assets,
            "expected_return": expected_return,
            "sharpe_ratio": sharpe_ratio,
            "volatility": volatility,
        })
        if tracking_error is not UNSET:
            field_dict["tracking_error"] = tracking_error
        if turnover is not UNSET:
            field_dict["turnover"] = turnover

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        diversification_ratio = d.pop("diversification_ratio")

        effective_assets = d.pop("effective_assets")

        def _parse_expected_return(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        expected_return = _parse_expected_return(d.pop("expected_return"))


        def _parse_sharpe_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sharpe_ratio = _parse_sharpe_ratio(d.pop("sharpe_ratio"))


        volatility = d.pop("volatility")

        def _parse_tracking_error(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tracking_error = _parse_tracking_error(d.pop("tracking_error", UNSET))


        def _parse_turnover(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        turnover = _parse_turnover(d.pop("turnover", UNSET))


        optimized_portfolio_out = cls(
            diversification_ratio=diversification_ratio,
            effective_assets=effective_assets,
            expected_return=expected_return,
            sharpe_ratio=sharpe_ratio,
            volatility=volatility,
            tracking_error=tracking_error,
            turnover=turnover,
        )


        optimized_portfolio_out.additional_properties = d
        return optimized_portfolio_out

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
