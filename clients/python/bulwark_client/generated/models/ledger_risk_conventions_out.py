from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LedgerRiskConventionsOut")



@_attrs_define
class LedgerRiskConventionsOut:
    """ 
        Attributes:
            beta (str):
            cache (str):
            held_correlation (str):
            max_drawdown (str):
            series (str):
            sharpe (str):
            tax_drag (str):
            volatility (str):
     """

    beta: str
    cache: str
    held_correlation: str
    max_drawdown: str
    series: str
    sharpe: str
    tax_drag: str
    volatility: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        beta = self.beta

        cache = self.cache

        held_correlation = self.held_correlation

        max_drawdown = self.max_drawdown

        series = self.series

        sharpe = self.sharpe

        tax_drag = self.tax_drag

        volatility = self.volatility


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "beta": beta,
            "cache": cache,
            "held_correlation": held_correlation,
            "max_drawdown": max_drawdown,
            "series": series,
            "sharpe": sharpe,
            "tax_drag": tax_drag,
            "volatility": volatility,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        beta = d.pop("beta")

        cache = d.pop("cache")

        held_correlation = d.pop("held_correlation")

        max_drawdown = d.pop("max_drawdown")

        series = d.pop("series")

        sharpe = d.pop("sharpe")

        tax_drag = d.pop("tax_drag")

        volatility = d.pop("volatility")

        ledger_risk_conventions_out = cls(
            beta=beta,
            cache=cache,
            held_correlation=held_correlation,
            max_drawdown=max_drawdown,
            series=series,
            sharpe=sharpe,
            tax_drag=tax_drag,
            volatility=volatility,
        )


        ledger_risk_conventions_out.additional_properties = d
        return ledger_risk_conventions_out

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
