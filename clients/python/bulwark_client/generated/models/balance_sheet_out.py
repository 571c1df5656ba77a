from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BalanceSheetOut")



@_attrs_define
class BalanceSheetOut:
    """ 
        Attributes:
            cash (None | str):
            current_assets (None | str):
            current_liabilities (None | str):
            inventory (None | str):
            receivables (None | str):
            shareholders_equity (None | str):
            shares_outstanding (None | str):
            short_term_investments (None | str):
            total_assets (None | str):
            total_debt (None | str):
            total_liabilities (None | str):
     """

    cash: None | str
    current_assets: None | str
    current_liabilities: None | str
    inventory: None | str
    receivables: None | str
    shareholders_equity: None | str
    shares_outstanding: None | str
    short_term_investments: None | str
    total_assets: None | str
    total_debt: None | str
    total_liabilities: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cash: None | str
        cash = self.cash

        current_assets: None | str
        current_assets = self.current_assets

        current_liabilities: None | str
        current_liabilities = self.current_liabilities

        inventory: None | str
        inventory = self.inventory

        receivables: None | str
        receivables = self.receivables

        shareholders_equity: None | str
        shareholders_equity = self.shareholders_equity

        shares_outstanding: None | str
        shares_outstanding = self.shares_outstanding

        short_term_investments: None | str
        short_term_investments = self.short_term_investments

        total_assets: None | str
        total_assets = self.total_assets

        total_debt: None | str
        total_debt = self.total_debt

        total_liabilities: None | str
        total_liabilities = self.total_liabilities


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cash": cash,
            "current_assets": current_assets,
            "current_liabilities": current_liabilities,
            "inventory": inventory,
            "receivables": receivables,
            "shareholders_equity": shareholders_equity,
            "shares_outstanding": shares_outstanding,
            "short_term_investments": short_term_investments,
            "total_assets": total_assets,
            "total_debt": total_debt,
            "total_liabilities": total_liabilities,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cash(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cash = _parse_cash(d.pop("cash"))


        def _parse_current_assets(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_assets = _parse_current_assets(d.pop("current_assets"))


        def _parse_current_liabilities(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_liabilities = _parse_current_liabilities(d.pop("current_liabilities"))


        def _parse_inventory(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        inventory = _parse_inventory(d.pop("inventory"))


        def _parse_receivables(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        receivables = _parse_receivables(d.pop("receivables"))


        def _parse_shareholders_equity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shareholders_equity = _parse_shareholders_equity(d.pop("shareholders_equity"))


        def _parse_shares_outstanding(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shares_outstanding = _parse_shares_outstanding(d.pop("shares_outstanding"))


        def _parse_short_term_investments(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        short_term_investments = _parse_short_term_investments(d.pop("short_term_investments"))


        def _parse_total_assets(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        total_assets = _parse_total_assets(d.pop("total_assets"))


        def _parse_total_debt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        total_debt = _parse_total_debt(d.pop("total_debt"))


        def _parse_total_liabilities(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        total_liabilities = _parse_total_liabilities(d.pop("total_liabilities"))


        balance_sheet_out = cls(
            cash=cash,
            current_assets=current_assets,
            current_liabilities=current_liabilities,
            inventory=inventory,
            receivables=receivables,
            shareholders_equity=shareholders_equity,
            shares_outstanding=shares_outstanding,
            short_term_investments=short_term_investments,
            total_assets=total_assets,
            total_debt=total_debt,
            total_liabilities=total_liabilities,
        )


        balance_sheet_out.additional_properties = d
        return balance_sheet_out

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
