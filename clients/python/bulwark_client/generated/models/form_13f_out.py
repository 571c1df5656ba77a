from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.deadline_out import DeadlineOut
  from ..models.exclusion_out import ExclusionOut
  from ..models.form_13f_out_conventions import Form13FOutConventions
  from ..models.info_table_out import InfoTableOut





T = TypeVar("T", bound="Form13FOut")



@_attrs_define
class Form13FOut:
    """ 
        Attributes:
            conventions (Form13FOutConventions):
            deadline (DeadlineOut):
            document (str):
            entries (list[InfoTableOut]):
            entry_total (int):
            excluded (list[ExclusionOut]):
            official_list_date (datetime.date | None): The stored list's Run Date
            official_list_period (None | str):
            period_end (datetime.date):
            portfolio_id (None | str):
            schema_valid (bool):
            schema_version (str):
            securities_source (None | str): Where a portfolio's CUSIPs, issuers and classes came from: posted (your
                `securities`), instruments (the stored instruments and Official List) or file (the file master, before any list
                is imported)
            threshold_reached (bool):
            value_total (int):
     """

    conventions: Form13FOutConventions
    deadline: DeadlineOut
    document: str
    entries: list[InfoTableOut]
    entry_total: int
    excluded: list[ExclusionOut]
    official_list_date: datetime.date | None
    official_list_period: None | str
    period_end: datetime.date
    portfolio_id: None | str
    schema_valid: bool
    schema_version: str
    securities_source: None | str
    threshold_reached: bool
    value_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deadline_out import DeadlineOut # noqa: PLC0415
        from ..models.exclusion_out import ExclusionOut # noqa: PLC0415
        from ..models.form_13f_out_conventions import Form13FOutConventions # noqa: PLC0415
        from ..models.info_table_out import InfoTableOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        deadline = self.deadline.to_dict()

        document = self.document

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)



        entry_total = self.entry_total

        excluded = []
        for excluded_item_data in self.excluded:
            excluded_item = excluded_item_data.to_dict()
            excluded.append(excluded_item)



        official_list_date: None | str
        if isinstance(self.official_list_date, datetime.date):
            official_list_date = self.official_list_date.isoformat()
        else:
            official_list_date = self.official_list_date

        official_list_period: None | str
        official_list_period = self.official_list_period

        period_end = self.period_end.isoformat()

        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        schema_valid = self.schema_valid

        schema_version = self.schema_version

        securities_source: None | str
        securities_source = self.securities_source

        threshold_reached = self.threshold_reached

        value_total = self.value_total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "deadline": deadline,
            "document": document,
            "entries": entries,
            "entry_total": entry_total,
            "excluded": excluded,
            "official_list_date": official_list_date,
            "official_list_period": official_list_period,
            "period_end": period_end,
            "portfolio_id": portfolio_id,
            "schema_valid": schema_valid,
            "schema_version": schema_version,
            "securities_source": securities_source,
            "threshold_reached": threshold_reached,
            "value_total": value_total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deadline_out import DeadlineOut # noqa: PLC0415
        from ..models.exclusion_out import ExclusionOut # noqa: PLC0415
        from ..models.form_13f_out_conventions import Form13FOutConventions # noqa: PLC0415
        from ..models.info_table_out import InfoTableOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = Form13FOutConventions.from_dict(d.pop("conventions"))




        deadline = DeadlineOut.from_dict(d.pop("deadline"))




        document = d.pop("document")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = InfoTableOut.from_dict(entries_item_data)



            entries.append(entries_item)


        entry_total = d.pop("entry_total")

        excluded = []
        _excluded = d.pop("excluded")
        for excluded_item_data in (_excluded):
            excluded_item = ExclusionOut.from_dict(excluded_item_data)



            excluded.append(excluded_item)


        def _parse_official_list_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                official_list_date_type_0 = datetime.date.fromisoformat(data)



                return official_list_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        official_list_date = _parse_official_list_date(d.pop("official_list_date"))


        def _parse_official_list_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        official_list_period = _parse_official_list_period(d.pop("official_list_period"))


        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        schema_valid = d.pop("schema_valid")

        schema_version = d.pop("schema_version")

        def _parse_securities_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        securities_source = _parse_securities_source(d.pop("securities_source"))


        threshold_reached = d.pop("threshold_reached")

        value_total = d.pop("value_total")

        form_13f_out = cls(
            conventions=conventions,
            deadline=deadline,
            document=document,
            entries=entries,
            entry_total=entry_total,
            excluded=excluded,
            official_list_date=official_list_date,
            official_list_period=official_list_period,
            period_end=period_end,
            portfolio_id=portfolio_id,
            schema_valid=schema_valid,
            schema_version=schema_version,
            securities_source=securities_source,
            threshold_reached=threshold_reached,
            value_total=value_total,
        )


        form_13f_out.additional_properties = d
        return form_13f_out

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
