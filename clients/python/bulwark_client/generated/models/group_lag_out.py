from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.partition_lag_out import PartitionLagOut





T = TypeVar("T", bound="GroupLagOut")



@_attrs_define
class GroupLagOut:
    """ 
        Attributes:
            group (str):
            partitions (list[PartitionLagOut]):
            total (int):
     """

    group: str
    partitions: list[PartitionLagOut]
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.partition_lag_out import PartitionLagOut # noqa: PLC0415
        group = self.group

        partitions = []
        for partitions_item_data in self.partitions:
            partitions_item = partitions_item_data.to_dict()
            partitions.append(partitions_item)



        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "group": group,
            "partitions": partitions,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partition_lag_out import PartitionLagOut # noqa: PLC0415
        d = dict(src_dict)
        group = d.pop("group")

        partitions = []
        _partitions = d.pop("partitions")
        for partitions_item_data in (_partitions):
            partitions_item = PartitionLagOut.from_dict(partitions_item_data)



            partitions.append(partitions_item)


        total = d.pop("total")

        group_lag_out = cls(
            group=group,
            partitions=partitions,
            total=total,
        )


        group_lag_out.additional_properties = d
        return group_lag_out

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
