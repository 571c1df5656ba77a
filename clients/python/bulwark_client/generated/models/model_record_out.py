from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.period_record_out import PeriodRecordOut





T = TypeVar("T", bound="ModelRecordOut")



@_attrs_define
class ModelRecordOut:
    """ 
        Attributes:
            end (datetime.datetime):
            model (str):
            period (str):
            rows (list[PeriodRecordOut]):
            start (datetime.datetime):
     """

    end: datetime.datetime
    model: str
    period: str
    rows: list[PeriodRecordOut]
    start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.period_record_out import PeriodRecordOut # noqa: PLC0415
        end = self.end.isoformat()

        model = self.model

        period = self.period

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "model": model,
            "period": period,
            "rows": rows,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.period_record_out import PeriodRecordOut # noqa: PLC0415
        d = dict(src_dict)
        end = datetime.datetime.fromisoformat(d.pop("end"))




        model = d.pop("model")

        period = d.pop("period")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = PeriodRecordOut.from_dict(rows_item_data)



            rows.append(rows_item)


        start = datetime.datetime.fromisoformat(d.pop("start"))




        model_record_out = cls(
            end=end,
            model=model,
            period=period,
            rows=rows,
            start=start,
        )


        model_record_out.additional_properties = d
        return model_record_out

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
