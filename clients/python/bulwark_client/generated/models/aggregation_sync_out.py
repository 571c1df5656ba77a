from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.aggregation_item_out import AggregationItemOut





T = TypeVar("T", bound="AggregationSyncOut")



@_attrs_define
class AggregationSyncOut:
    """ 
        Attributes:
            accounts (int):
            added (int):
            has_more (bool):
            holdings (int):
            item (AggregationItemOut):
            modified (int):
            removed (int):
     """

    accounts: int
    added: int
    has_more: bool
    holdings: int
    item: AggregationItemOut
    modified: int
    removed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.aggregation_item_out import AggregationItemOut # noqa: PLC0415
        accounts = self.accounts

        added = self.added

        has_more = self.has_more

        holdings = self.holdings

        item = self.item.to_dict()

        modified = self.modified

        removed = self.removed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "added": added,
            "has_more": has_more,
            "holdings": holdings,
            "item": item,
            "modified": modified,
            "removed": removed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregation_item_out import AggregationItemOut # noqa: PLC0415
        d = dict(src_dict)
        accounts = d.pop("accounts")

        added = d.pop("added")

        has_more = d.pop("has_more")

        holdings = d.pop("holdings")

        item = AggregationItemOut.from_dict(d.pop("item"))




        modified = d.pop("modified")

        removed = d.pop("removed")

        aggregation_sync_out = cls(
            accounts=accounts,
            added=added,
            has_more=has_more,
            holdings=holdings,
            item=item,
            modified=modified,
            removed=removed,
        )


        aggregation_sync_out.additional_properties = d
        return aggregation_sync_out

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
