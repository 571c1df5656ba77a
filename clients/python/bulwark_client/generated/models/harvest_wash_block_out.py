from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="HarvestWashBlockOut")



@_attrs_define
class HarvestWashBlockOut:
    """ 
        Attributes:
            account_id (str):
            day (datetime.date | None):
            kind (str): recent_buy (a buy within 30 days) or pending_buy (open order)
            ref (str): The buy transaction's id or the order's id
            symbol (str):
     """

    account_id: str
    day: datetime.date | None
    kind: str
    ref: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        day: None | str
        if isinstance(self.day, datetime.date):
            day = self.day.isoformat()
        else:
            day = self.day

        kind = self.kind

        ref = self.ref

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "day": day,
            "kind": kind,
            "ref": ref,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        def _parse_day(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                day_type_0 = datetime.date.fromisoformat(data)



                return day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        day = _parse_day(d.pop("day"))


        kind = d.pop("kind")

        ref = d.pop("ref")

        symbol = d.pop("symbol")

        harvest_wash_block_out = cls(
            account_id=account_id,
            day=day,
            kind=kind,
            ref=ref,
            symbol=symbol,
        )


        harvest_wash_block_out.additional_properties = d
        return harvest_wash_block_out

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
