from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.insider_transaction_out import InsiderTransactionOut





T = TypeVar("T", bound="InsiderTransactionsOut")



@_attrs_define
class InsiderTransactionsOut:
    """ 
        Attributes:
            end (datetime.date):
            items (list[InsiderTransactionOut]):
            source (str):
            start (datetime.date):
            symbol (str):
            truncated (bool):
     """

    end: datetime.date
    items: list[InsiderTransactionOut]
    source: str
    start: datetime.date
    symbol: str
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.insider_transaction_out import InsiderTransactionOut # noqa: PLC0415
        end = self.end.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        source = self.source

        start = self.start.isoformat()

        symbol = self.symbol

        truncated = self.truncated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "items": items,
            "source": source,
            "start": start,
            "symbol": symbol,
            "truncated": truncated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.insider_transaction_out import InsiderTransactionOut # noqa: PLC0415
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = InsiderTransactionOut.from_dict(items_item_data)



            items.append(items_item)


        source = d.pop("source")

        start = datetime.date.fromisoformat(d.pop("start"))




        symbol = d.pop("symbol")

        truncated = d.pop("truncated")

        insider_transactions_out = cls(
            end=end,
            items=items,
            source=source,
            start=start,
            symbol=symbol,
            truncated=truncated,
        )


        insider_transactions_out.additional_properties = d
        return insider_transactions_out

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
