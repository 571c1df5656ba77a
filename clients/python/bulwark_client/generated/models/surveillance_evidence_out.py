from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.surveillance_evidence_out_fills_item import SurveillanceEvidenceOutFillsItem
  from ..models.surveillance_evidence_out_orders_item import SurveillanceEvidenceOutOrdersItem





T = TypeVar("T", bound="SurveillanceEvidenceOut")



@_attrs_define
class SurveillanceEvidenceOut:
    """ 
        Attributes:
            fills (list[SurveillanceEvidenceOutFillsItem]): The fills behind it (at most 50)
            orders (list[SurveillanceEvidenceOutOrdersItem]): The orders behind it (at most 50)
     """

    fills: list[SurveillanceEvidenceOutFillsItem]
    orders: list[SurveillanceEvidenceOutOrdersItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.surveillance_evidence_out_fills_item import SurveillanceEvidenceOutFillsItem # noqa: PLC0415
        from ..models.surveillance_evidence_out_orders_item import SurveillanceEvidenceOutOrdersItem # noqa: PLC0415
        fills = []
        for fills_item_data in self.fills:
            fills_item = fills_item_data.to_dict()
            fills.append(fills_item)



        orders = []
        for orders_item_data in self.orders:
            orders_item = orders_item_data.to_dict()
            orders.append(orders_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fills": fills,
            "orders": orders,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.surveillance_evidence_out_fills_item import SurveillanceEvidenceOutFillsItem # noqa: PLC0415
        from ..models.surveillance_evidence_out_orders_item import SurveillanceEvidenceOutOrdersItem # noqa: PLC0415
        d = dict(src_dict)
        fills = []
        _fills = d.pop("fills")
        for fills_item_data in (_fills):
            fills_item = SurveillanceEvidenceOutFillsItem.from_dict(fills_item_data)



            fills.append(fills_item)


        orders = []
        _orders = d.pop("orders")
        for orders_item_data in (_orders):
            orders_item = SurveillanceEvidenceOutOrdersItem.from_dict(orders_item_data)



            orders.append(orders_item)


        surveillance_evidence_out = cls(
            fills=fills,
            orders=orders,
        )


        surveillance_evidence_out.additional_properties = d
        return surveillance_evidence_out

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
