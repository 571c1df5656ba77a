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





T = TypeVar("T", bound="ThresholdOut")



@_attrs_define
class ThresholdOut:
    """ 
        Attributes:
            first_month_end (datetime.date | None):
            met (bool):
            peak_value_usd (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            required_filings (list[DeadlineOut]):
            rule (str):
            threshold_usd (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    first_month_end: datetime.date | None
    met: bool
    peak_value_usd: str
    required_filings: list[DeadlineOut]
    rule: str
    threshold_usd: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deadline_out import DeadlineOut # noqa: PLC0415
        first_month_end: None | str
        if isinstance(self.first_month_end, datetime.date):
            first_month_end = self.first_month_end.isoformat()
        else:
            first_month_end = self.first_month_end

        met = self.met

        peak_value_usd = self.peak_value_usd

        required_filings = []
        for required_filings_item_data in self.required_filings:
            required_filings_item = required_filings_item_data.to_dict()
            required_filings.append(required_filings_item)



        rule = self.rule

        threshold_usd = self.threshold_usd


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "first_month_end": first_month_end,
            "met": met,
            "peak_value_usd": peak_value_usd,
            "required_filings": required_filings,
            "rule": rule,
            "threshold_usd": threshold_usd,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deadline_out import DeadlineOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_first_month_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_month_end_type_0 = datetime.date.fromisoformat(data)



                return first_month_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_month_end = _parse_first_month_end(d.pop("first_month_end"))


        met = d.pop("met")

        peak_value_usd = d.pop("peak_value_usd")

        required_filings = []
        _required_filings = d.pop("required_filings")
        for required_filings_item_data in (_required_filings):
            required_filings_item = DeadlineOut.from_dict(required_filings_item_data)



            required_filings.append(required_filings_item)


        rule = d.pop("rule")

        threshold_usd = d.pop("threshold_usd")

        threshold_out = cls(
            first_month_end=first_month_end,
            met=met,
            peak_value_usd=peak_value_usd,
            required_filings=required_filings,
            rule=rule,
            threshold_usd=threshold_usd,
        )


        threshold_out.additional_properties = d
        return threshold_out

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
