from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.net_insider_buying_out_conventions import NetInsiderBuyingOutConventions
  from ..models.net_insider_out import NetInsiderOut





T = TypeVar("T", bound="NetInsiderBuyingOut")



@_attrs_define
class NetInsiderBuyingOut:
    """ 
        Attributes:
            conventions (NetInsiderBuyingOutConventions):
            end (datetime.date):
            items (list[NetInsiderOut]):
            source (str):
            start (datetime.date):
     """

    conventions: NetInsiderBuyingOutConventions
    end: datetime.date
    items: list[NetInsiderOut]
    source: str
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.net_insider_buying_out_conventions import NetInsiderBuyingOutConventions # noqa: PLC0415
        from ..models.net_insider_out import NetInsiderOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        end = self.end.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        source = self.source

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "end": end,
            "items": items,
            "source": source,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.net_insider_buying_out_conventions import NetInsiderBuyingOutConventions # noqa: PLC0415
        from ..models.net_insider_out import NetInsiderOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = NetInsiderBuyingOutConventions.from_dict(d.pop("conventions"))




        end = datetime.date.fromisoformat(d.pop("end"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = NetInsiderOut.from_dict(items_item_data)



            items.append(items_item)


        source = d.pop("source")

        start = datetime.date.fromisoformat(d.pop("start"))




        net_insider_buying_out = cls(
            conventions=conventions,
            end=end,
            items=items,
            source=source,
            start=start,
        )


        net_insider_buying_out.additional_properties = d
        return net_insider_buying_out

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
