from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.beta_estimate_out import BetaEstimateOut





T = TypeVar("T", bound="SymbolBetasOut")



@_attrs_define
class SymbolBetasOut:
    """ 
        Attributes:
            basis (str): posted (the request's sensitivities), estimated (from stored bars), default (default_sensitivities:
                no estimate) or none (no estimate: excluded)
            estimate (BetaEstimateOut | None):
            symbol (str):
     """

    basis: str
    estimate: BetaEstimateOut | None
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.beta_estimate_out import BetaEstimateOut # noqa: PLC0415
        basis = self.basis

        estimate: dict[str, Any] | None
        if isinstance(self.estimate, BetaEstimateOut):
            estimate = self.estimate.to_dict()
        else:
            estimate = self.estimate

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "basis": basis,
            "estimate": estimate,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beta_estimate_out import BetaEstimateOut # noqa: PLC0415
        d = dict(src_dict)
        basis = d.pop("basis")

        def _parse_estimate(data: object) -> BetaEstimateOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                estimate_type_0 = BetaEstimateOut.from_dict(data)



                return estimate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BetaEstimateOut | None, data)

        estimate = _parse_estimate(d.pop("estimate"))


        symbol = d.pop("symbol")

        symbol_betas_out = cls(
            basis=basis,
            estimate=estimate,
            symbol=symbol,
        )


        symbol_betas_out.additional_properties = d
        return symbol_betas_out

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
