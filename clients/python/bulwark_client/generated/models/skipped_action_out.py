from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SkippedActionOut")



@_attrs_define
class SkippedActionOut:
    """ 
        Attributes:
            effective_date (datetime.date | None):
            reason (str):
            source (str):
            symbol (str):
            vendor_id (str):
            vendor_type (str): The vendor's name of the record's type
     """

    effective_date: datetime.date | None
    reason: str
    source: str
    symbol: str
    vendor_id: str
    vendor_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        effective_date: None | str
        if isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        reason = self.reason

        source = self.source

        symbol = self.symbol

        vendor_id = self.vendor_id

        vendor_type = self.vendor_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "effective_date": effective_date,
            "reason": reason,
            "source": source,
            "symbol": symbol,
            "vendor_id": vendor_id,
            "vendor_type": vendor_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_effective_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)



                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_date = _parse_effective_date(d.pop("effective_date"))


        reason = d.pop("reason")

        source = d.pop("source")

        symbol = d.pop("symbol")

        vendor_id = d.pop("vendor_id")

        vendor_type = d.pop("vendor_type")

        skipped_action_out = cls(
            effective_date=effective_date,
            reason=reason,
            source=source,
            symbol=symbol,
            vendor_id=vendor_id,
            vendor_type=vendor_type,
        )


        skipped_action_out.additional_properties = d
        return skipped_action_out

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
