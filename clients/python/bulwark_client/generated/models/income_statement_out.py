from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="IncomeStatementOut")



@_attrs_define
class IncomeStatementOut:
    """ 
        Attributes:
            cost_of_revenue (None | str):
            diluted_eps (None | str):
            ebit (None | str):
            gross_profit (None | str):
            interest_expense (None | str):
            net_income (None | str):
            operating_income (None | str):
            revenue (None | str):
     """

    cost_of_revenue: None | str
    diluted_eps: None | str
    ebit: None | str
    gross_profit: None | str
    interest_expense: None | str
    net_income: None | str
    operating_income: None | str
    revenue: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cost_of_revenue: None | str
        cost_of_revenue = self.cost_of_revenue

        diluted_eps: None | str
        diluted_eps = self.diluted_eps

        ebit: None | str
        ebit = self.ebit

        gross_profit: None | str
        gross_profit = self.gross_profit

        interest_expense: None | str
        interest_expense = self.interest_expense

        net_income: None | str
        net_income = self.net_income

        operating_income: None | str
        operating_income = self.operating_income

        revenue: None | str
        revenue = self.revenue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cost_of_revenue": cost_of_revenue,
            "diluted_eps": diluted_eps,
            "ebit": ebit,
            "gross_profit": gross_profit,
            "interest_expense": interest_expense,
            "net_income": net_income,
            "operating_income": operating_income,
            "revenue": revenue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cost_of_revenue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost_of_revenue = _parse_cost_of_revenue(d.pop("cost_of_revenue"))


        def _parse_diluted_eps(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        diluted_eps = _parse_diluted_eps(d.pop("diluted_eps"))


        def _parse_ebit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ebit = _parse_ebit(d.pop("ebit"))


        def _parse_gross_profit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gross_profit = _parse_gross_profit(d.pop("gross_profit"))


        def _parse_interest_expense(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interest_expense = _parse_interest_expense(d.pop("interest_expense"))


        def _parse_net_income(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        net_income = _parse_net_income(d.pop("net_income"))


        def _parse_operating_income(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        operating_income = _parse_operating_income(d.pop("operating_income"))


        def _parse_revenue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revenue = _parse_revenue(d.pop("revenue"))


        income_statement_out = cls(
            cost_of_revenue=cost_of_revenue,
            diluted_eps=diluted_eps,
            ebit=ebit,
            gross_profit=gross_profit,
            interest_expense=interest_expense,
            net_income=net_income,
            operating_income=operating_income,
            revenue=revenue,
        )


        income_statement_out.additional_properties = d
        return income_statement_out

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
