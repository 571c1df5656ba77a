from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.optimize_portfolio_optimization_in_view_in_weights import OptimizePortfolioOptimizationInViewInWeights





T = TypeVar("T", bound="OptimizePortfolioOptimizationInViewIn")



@_attrs_define
class OptimizePortfolioOptimizationInViewIn:
    """ A Black-Litterman view: sum of weights[asset] x expected return = expected_return.

        Attributes:
            expected_return (float): The view's annual expected return (fraction)
            weights (OptimizePortfolioOptimizationInViewInWeights): The view's portfolio by asset: {"AAA": 1} an absolute
                view, {"AAA": 1, "BBB": -1} a relative one
            confidence (float | None | Unset): Idzorek's confidence in (0, 1]: omega = (1 - c) / c x p tau S p' (1: held
                exactly); null: He & Litterman's omega = p tau S p'
     """

    expected_return: float
    weights: OptimizePortfolioOptimizationInViewInWeights
    confidence: float | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.optimize_portfolio_optimization_in_view_in_weights import OptimizePortfolioOptimizationInViewInWeights # noqa: PLC0415
        expected_return = self.expected_return

        weights = self.weights.to_dict()

        confidence: float | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "expected_return": expected_return,
            "weights": weights,
        })
        if confidence is not UNSET:
            field_dict["confidence"] = confidence

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.optimize_portfolio_optimization_in_view_in_weights import OptimizePortfolioOptimizationInViewInWeights # noqa: PLC0415
        d = dict(src_dict)
        expected_return = d.pop("expected_return")

        weights = OptimizePortfolioOptimizationInViewInWeights.from_dict(d.pop("weights"))




        def _parse_confidence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        confidence = _parse_confidence(d.pop("confidence", UNSET))


        optimize_portfolio_optimization_in_view_in = cls(
            expected_return=expected_return,
            weights=weights,
            confidence=confidence,
        )

        return optimize_portfolio_optimization_in_view_in

