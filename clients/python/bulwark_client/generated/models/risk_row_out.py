from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.risk_row_out_method import RiskRowOutMethod
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RiskRowOut")



@_attrs_define
class RiskRowOut:
    """ 
        Attributes:
            confidence (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            cvar (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            method (RiskRowOutMethod):
            one_period_cvar (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            one_period_var (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            var (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            cvar_amount (None | str | Unset):
            var_amount (None | str | Unset):
     """

    confidence: float
    cvar: float
    method: RiskRowOutMethod
    one_period_cvar: float
    one_period_var: float
    var: float
    cvar_amount: None | str | Unset = UNSET
    var_amount: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        cvar = self.cvar

        method = self.method.value

        one_period_cvar = self.one_period_cvar

        one_period_var = self.one_period_var

        var = self.var

        cvar_amount: None | str | Unset
        if isinstance(self.cvar_amount, Unset):
            cvar_amount = UNSET
        else:
            cvar_amount = self.cvar_amount

        var_amount: None | str | Unset
        if isinstance(self.var_amount, Unset):
            var_amount = UNSET
        else:
            var_amount = self.var_amount


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "confidence": confidence,
            "cvar": cvar,
            "method": method,
            "one_period_cvar": one_period_cvar,
            "one_period_var": one_period_var,
            "var": var,
        })
        if cvar_amount is not UNSET:
            field_dict["cvar_amount"] = cvar_amount
        if var_amount is not UNSET:
            field_dict["var_amount"] = var_amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confidence = d.pop("confidence")

        cvar = d.pop("cvar")

        method = RiskRowOutMethod(d.pop("method"))




        one_period_cvar = d.pop("one_period_cvar")

        one_period_var = d.pop("one_period_var")

        var = d.pop("var")

        def _parse_cvar_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cvar_amount = _parse_cvar_amount(d.pop("cvar_amount", UNSET))


        def _parse_var_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        var_amount = _parse_var_amount(d.pop("var_amount", UNSET))


        risk_row_out = cls(
            confidence=confidence,
            cvar=cvar,
            method=method,
            one_period_cvar=one_period_cvar,
            one_period_var=one_period_var,
            var=var,
            cvar_amount=cvar_amount,
            var_amount=var_amount,
        )


        risk_row_out.additional_properties = d
        return risk_row_out

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
