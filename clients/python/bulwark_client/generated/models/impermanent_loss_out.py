from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.impermanent_loss_out_conventions import ImpermanentLossOutConventions
  from ..models.lp_position_out import LpPositionOut
  from ..models.lp_position_point_out import LpPositionPointOut





T = TypeVar("T", bound="ImpermanentLossOut")



@_attrs_define
class ImpermanentLossOut:
    """ 
        Attributes:
            conventions (ImpermanentLossOutConventions):
            points (list[LpPositionPointOut]):
            position (LpPositionOut):
     """

    conventions: ImpermanentLossOutConventions
    points: list[LpPositionPointOut]
    position: LpPositionOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.impermanent_loss_out_conventions import ImpermanentLossOutConventions # noqa: PLC0415
        from ..models.lp_position_out import LpPositionOut # noqa: PLC0415
        from ..models.lp_position_point_out import LpPositionPointOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)



        position = self.position.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "points": points,
            "position": position,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.impermanent_loss_out_conventions import ImpermanentLossOutConventions # noqa: PLC0415
        from ..models.lp_position_out import LpPositionOut # noqa: PLC0415
        from ..models.lp_position_point_out import LpPositionPointOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = ImpermanentLossOutConventions.from_dict(d.pop("conventions"))




        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = LpPositionPointOut.from_dict(points_item_data)



            points.append(points_item)


        position = LpPositionOut.from_dict(d.pop("position"))




        impermanent_loss_out = cls(
            conventions=conventions,
            points=points,
            position=position,
        )


        impermanent_loss_out.additional_properties = d
        return impermanent_loss_out

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
