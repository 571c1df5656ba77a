from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VaRLevelOut")



@_attrs_define
class VaRLevelOut:
    """ 
        Attributes:
            confidence (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            historical_cvar (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            historical_cvar_amount (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            historical_var (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            historical_var_amount (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            parametric_cvar (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            parametric_cvar_amount (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            parametric_var (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            parametric_var_amount (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            cornish_fisher_cvar (float | None | Unset):
            cornish_fisher_cvar_amount (None | str | Unset):
            cornish_fisher_var (float | None | Unset):
            cornish_fisher_var_amount (None | str | Unset):
     """

    confidence: float
    historical_cvar: float
    historical_cvar_amount: str
    historical_var: float
    historical_var_amount: str
    parametric_cvar: float
    parametric_cvar_amount: str
    parametric_var: float
    parametric_var_amount: str
    cornish_fisher_cvar: float | None | Unset = UNSET
    cornish_fisher_cvar_amount: None | str | Unset = UNSET
    cornish_fisher_var: float | None | Unset = UNSET
    cornish_fisher_var_amount: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        historical_cvar = self.historical_cvar

        historical_cvar_amount = self.historical_cvar_amount

        historical_var = self.historical_var

        historical_var_amount = self.historical_var_amount

        parametric_cvar = self.parametric_cvar

        parametric_cvar_amount = self.parametric_cvar_amount

        parametric_var = self.parametric_var

        parametric_var_amount = self.parametric_var_amount

        cornish_fisher_cvar: float | None | Unset
        if isinstance(self.cornish_fisher_cvar, Unset):
            cornish_fisher_cvar = UNSET
        else:
            cornish_fisher_cvar = self.cornish_fisher_cvar

        cornish_fisher_cvar_amount: None | str | Unset
        if isinstance(self.cornish_fisher_cvar_amount, Unset):
            cornish_fisher_cvar_amount = UNSET
        else:
            cornish_fisher_cvar_amount = self.cornish_fisher_cvar_amount

        cornish_fisher_var: float | None | Unset
        if isinstance(self.cornish_fisher_var, Unset):
            cornish_fisher_var = UNSET
        else:
            cornish_fisher_var = self.cornish_fisher_var

        cornish_fisher_var_amount: None | str | Unset
        if isinstance(self.cornish_fisher_var_amount, Unset):
            cornish_fisher_var_amount = UNSET
        else:
            cornish_fisher_var_amount = self.cornish_fisher_var_amount


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "confidence": confidence,
            "historical_cvar": historical_cvar,
            "historical_cvar_amount": historical_cvar_amount,
            "historical_var": historical_var,
            "historical_var_amount": historical_var_amount,
            "parametric_cvar": parametric_cvar,
            "parametric_cvar_amount": parametric_cvar_amount,
            "parametric_var": parametric_var,
            "parametric_var_amount": parametric_var_amount,
        })
        if cornish_fisher_cvar is not UNSET:
            field_dict["cornish_fisher_cvar"] = cornish_fisher_cvar
        if cornish_fisher_cvar_amount is not UNSET:
            field_dict["cornish_fisher_cvar_amount"] = cornish_fisher_cvar_amount
        if cornish_fisher_var is not UNSET:
            field_dict["cornish_fisher_var"] = cornish_fisher_var
        if cornish_fisher_var_amount is not UNSET:
            field_dict["cornish_fisher_var_amount"] = cornish_fisher_var_amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confidence = d.pop("confidence")

        historical_cvar = d.pop("historical_cvar")

        historical_cvar_amount = d.pop("historical_cvar_amount")

        historical_var = d.pop("historical_var")

        historical_var_amount = d.pop("historical_var_amount")

        parametric_cvar = d.pop("parametric_cvar")

        parametric_cvar_amount = d.pop("parametric_cvar_amount")

        parametric_var = d.pop("parametric_var")

        parametric_var_amount = d.pop("parametric_var_amount")

        def _parse_cornish_fisher_cvar(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cornish_fisher_cvar = _parse_cornish_fisher_cvar(d.pop("cornish_fisher_cvar", UNSET))


        def _parse_cornish_fisher_cvar_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cornish_fisher_cvar_amount = _parse_cornish_fisher_cvar_amount(d.pop("cornish_fisher_cvar_amount", UNSET))


        def _parse_cornish_fisher_var(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cornish_fisher_var = _parse_cornish_fisher_var(d.pop("cornish_fisher_var", UNSET))


        def _parse_cornish_fisher_var_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cornish_fisher_var_amount = _parse_cornish_fisher_var_amount(d.pop("cornish_fisher_var_amount", UNSET))


        va_r_level_out = cls(
            confidence=confidence,
            historical_cvar=historical_cvar,
            historical_cvar_amount=historical_cvar_amount,
            historical_var=historical_var,
            historical_var_amount=historical_var_amount,
            parametric_cvar=parametric_cvar,
            parametric_cvar_amount=parametric_cvar_amount,
            parametric_var=parametric_var,
            parametric_var_amount=parametric_var_amount,
            cornish_fisher_cvar=cornish_fisher_cvar,
            cornish_fisher_cvar_amount=cornish_fisher_cvar_amount,
            cornish_fisher_var=cornish_fisher_var,
            cornish_fisher_var_amount=cornish_fisher_var_amount,
        )


        va_r_level_out.additional_properties = d
        return va_r_level_out

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
