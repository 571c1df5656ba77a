from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.month_end_value_in import MonthEndValueIn





T = TypeVar("T", bound="ThresholdIn")



@_attrs_define
class ThresholdIn:
    """ 
        Attributes:
            month_end_values (list[MonthEndValueIn]):
     """

    month_end_values: list[MonthEndValueIn]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.month_end_value_in import MonthEndValueIn # noqa: PLC0415
        month_end_values = []
        for month_end_values_item_data in self.month_end_values:
            month_end_values_item = month_end_values_item_data.to_dict()
            month_end_values.append(month_end_values_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "month_end_values": month_end_values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.month_end_value_in import MonthEndValueIn # noqa: PLC0415
        d = dict(src_dict)
        month_end_values = []
        _month_end_values = d.pop("month_end_values")
        for month_end_values_item_data in (_month_end_values):
            month_end_values_item = MonthEndValueIn.from_dict(month_end_values_item_data)



            month_end_values.append(month_end_values_item)


        threshold_in = cls(
            month_end_values=month_end_values,
        )


        threshold_in.additional_properties = d
        return threshold_in

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
