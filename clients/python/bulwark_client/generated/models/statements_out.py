from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.statements_out_period import StatementsOutPeriod
from typing import cast

if TYPE_CHECKING:
  from ..models.period_out import PeriodOut
  from ..models.statement_ratios_out import StatementRatiosOut





T = TypeVar("T", bound="StatementsOut")



@_attrs_define
class StatementsOut:
    """ 
        Attributes:
            period (StatementsOutPeriod):
            periods_asked (int):
            periods_found (int):
            ratios (StatementRatiosOut):
            source (str):
            statements (list[PeriodOut]):
            symbol (str):
     """

    period: StatementsOutPeriod
    periods_asked: int
    periods_found: int
    ratios: StatementRatiosOut
    source: str
    statements: list[PeriodOut]
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.period_out import PeriodOut # noqa: PLC0415
        from ..models.statement_ratios_out import StatementRatiosOut # noqa: PLC0415
        period = self.period.value

        periods_asked = self.periods_asked

        periods_found = self.periods_found

        ratios = self.ratios.to_dict()

        source = self.source

        statements = []
        for statements_item_data in self.statements:
            statements_item = statements_item_data.to_dict()
            statements.append(statements_item)



        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "period": period,
            "periods_asked": periods_asked,
            "periods_found": periods_found,
            "ratios": ratios,
            "source": source,
            "statements": statements,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.period_out import PeriodOut # noqa: PLC0415
        from ..models.statement_ratios_out import StatementRatiosOut # noqa: PLC0415
        d = dict(src_dict)
        period = StatementsOutPeriod(d.pop("period"))




        periods_asked = d.pop("periods_asked")

        periods_found = d.pop("periods_found")

        ratios = StatementRatiosOut.from_dict(d.pop("ratios"))




        source = d.pop("source")

        statements = []
        _statements = d.pop("statements")
        for statements_item_data in (_statements):
            statements_item = PeriodOut.from_dict(statements_item_data)



            statements.append(statements_item)


        symbol = d.pop("symbol")

        statements_out = cls(
            period=period,
            periods_asked=periods_asked,
            periods_found=periods_found,
            ratios=ratios,
            source=source,
            statements=statements,
            symbol=symbol,
        )


        statements_out.additional_properties = d
        return statements_out

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
