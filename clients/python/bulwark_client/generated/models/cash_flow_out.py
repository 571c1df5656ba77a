from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CashFlowOut")



@_attrs_define
class CashFlowOut:
    """ 
        Attributes:
            capital_expenditure (None | str):
            free_cash_flow (None | str):
            operating_cash_flow (None | str):
     """

    capital_expenditure: None | str
    free_cash_flow: None | str
    operating_cash_flow: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        capital_expenditure: None | str
        capital_expenditure = self.capital_expenditure

        free_cash_flow: None | str
        free_cash_flow = self.free_cash_flow

        operating_cash_flow: None | str
        operating_cash_flow = self.operating_cash_flow


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capital_expenditure": capital_expenditure,
            "free_cash_flow": free_cash_flow,
            "operating_cash_flow": operating_cash_flow,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_capital_expenditure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        capital_expenditure = _parse_capital_expenditure(d.pop("capital_expenditure"))


        def _parse_free_cash_flow(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        free_cash_flow = _parse_free_cash_flow(d.pop("free_cash_flow"))


        def _parse_operating_cash_flow(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        operating_cash_flow = _parse_operating_cash_flow(d.pop("operating_cash_flow"))


        cash_flow_out = cls(
            capital_expenditure=capital_expenditure,
            free_cash_flow=free_cash_flow,
            operating_cash_flow=operating_cash_flow,
        )


        cash_flow_out.additional_properties = d
        return cash_flow_out

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
