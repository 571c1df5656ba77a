from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.balance_sheet_out import BalanceSheetOut
  from ..models.cash_flow_out import CashFlowOut
  from ..models.income_statement_out import IncomeStatementOut





T = TypeVar("T", bound="PeriodOut")



@_attrs_define
class PeriodOut:
    """ 
        Attributes:
            balance (BalanceSheetOut):
            cash_flow (CashFlowOut):
            currency (str):
            fiscal_period (str):
            fiscal_year (int | None):
            income (IncomeStatementOut):
            period_end (datetime.date):
     """

    balance: BalanceSheetOut
    cash_flow: CashFlowOut
    currency: str
    fiscal_period: str
    fiscal_year: int | None
    income: IncomeStatementOut
    period_end: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.balance_sheet_out import BalanceSheetOut # noqa: PLC0415
        from ..models.cash_flow_out import CashFlowOut # noqa: PLC0415
        from ..models.income_statement_out import IncomeStatementOut # noqa: PLC0415
        balance = self.balance.to_dict()

        cash_flow = self.cash_flow.to_dict()

        currency = self.currency

        fiscal_period = self.fiscal_period

        fiscal_year: int | None
        fiscal_year = self.fiscal_year

        income = self.income.to_dict()

        period_end = self.period_end.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "balance": balance,
            "cash_flow": cash_flow,
            "currency": currency,
            "fiscal_period": fiscal_period,
            "fiscal_year": fiscal_year,
            "income": income,
            "period_end": period_end,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balance_sheet_out import BalanceSheetOut # noqa: PLC0415
        from ..models.cash_flow_out import CashFlowOut # noqa: PLC0415
        from ..models.income_statement_out import IncomeStatementOut # noqa: PLC0415
        d = dict(src_dict)
        balance = BalanceSheetOut.from_dict(d.pop("balance"))




        cash_flow = CashFlowOut.from_dict(d.pop("cash_flow"))




        currency = d.pop("currency")

        fiscal_period = d.pop("fiscal_period")

        def _parse_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))


        income = IncomeStatementOut.from_dict(d.pop("income"))




        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        period_out = cls(
            balance=balance,
            cash_flow=cash_flow,
            currency=currency,
            fiscal_period=fiscal_period,
            fiscal_year=fiscal_year,
            income=income,
            period_end=period_end,
        )


        period_out.additional_properties = d
        return period_out

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
