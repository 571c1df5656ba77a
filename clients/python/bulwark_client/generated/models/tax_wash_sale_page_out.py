from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tax_conventions_out import TaxConventionsOut
  from ..models.tax_wash_sale_out import TaxWashSaleOut





T = TypeVar("T", bound="TaxWashSalePageOut")



@_attrs_define
class TaxWashSalePageOut:
    """ 
        Attributes:
            conventions (TaxConventionsOut):
            items (list[TaxWashSaleOut]):
            next_cursor (None | str):
            year (int):
     """

    conventions: TaxConventionsOut
    items: list[TaxWashSaleOut]
    next_cursor: None | str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_conventions_out import TaxConventionsOut # noqa: PLC0415
        from ..models.tax_wash_sale_out import TaxWashSaleOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        next_cursor: None | str
        next_cursor = self.next_cursor

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "items": items,
            "next_cursor": next_cursor,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_conventions_out import TaxConventionsOut # noqa: PLC0415
        from ..models.tax_wash_sale_out import TaxWashSaleOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = TaxConventionsOut.from_dict(d.pop("conventions"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = TaxWashSaleOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        year = d.pop("year")

        tax_wash_sale_page_out = cls(
            conventions=conventions,
            items=items,
            next_cursor=next_cursor,
            year=year,
        )


        tax_wash_sale_page_out.additional_properties = d
        return tax_wash_sale_page_out

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
