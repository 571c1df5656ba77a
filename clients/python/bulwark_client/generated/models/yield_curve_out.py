from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.treasury_curve_point_out import TreasuryCurvePointOut
  from ..models.treasury_curve_value_out import TreasuryCurveValueOut
  from ..models.yield_curve_out_conventions import YieldCurveOutConventions





T = TypeVar("T", bound="YieldCurveOut")



@_attrs_define
class YieldCurveOut:
    """ 
        Attributes:
            as_of (datetime.date):
            conventions (YieldCurveOutConventions):
            date (datetime.date):
            interpolated (list[TreasuryCurveValueOut]):
            method (str):
            points (list[TreasuryCurvePointOut]):
            source (str):
     """

    as_of: datetime.date
    conventions: YieldCurveOutConventions
    date: datetime.date
    interpolated: list[TreasuryCurveValueOut]
    method: str
    points: list[TreasuryCurvePointOut]
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.treasury_curve_point_out import TreasuryCurvePointOut # noqa: PLC0415
        from ..models.treasury_curve_value_out import TreasuryCurveValueOut # noqa: PLC0415
        from ..models.yield_curve_out_conventions import YieldCurveOutConventions # noqa: PLC0415
        as_of = self.as_of.isoformat()

        conventions = self.conventions.to_dict()

        date = self.date.isoformat()

        interpolated = []
        for interpolated_item_data in self.interpolated:
            interpolated_item = interpolated_item_data.to_dict()
            interpolated.append(interpolated_item)



        method = self.method

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)



        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "conventions": conventions,
            "date": date,
            "interpolated": interpolated,
            "method": method,
            "points": points,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.treasury_curve_point_out import TreasuryCurvePointOut # noqa: PLC0415
        from ..models.treasury_curve_value_out import TreasuryCurveValueOut # noqa: PLC0415
        from ..models.yield_curve_out_conventions import YieldCurveOutConventions # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        conventions = YieldCurveOutConventions.from_dict(d.pop("conventions"))




        date = datetime.date.fromisoformat(d.pop("date"))




        interpolated = []
        _interpolated = d.pop("interpolated")
        for interpolated_item_data in (_interpolated):
            interpolated_item = TreasuryCurveValueOut.from_dict(interpolated_item_data)



            interpolated.append(interpolated_item)


        method = d.pop("method")

        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = TreasuryCurvePointOut.from_dict(points_item_data)



            points.append(points_item)


        source = d.pop("source")

        yield_curve_out = cls(
            as_of=as_of,
            conventions=conventions,
            date=date,
            interpolated=interpolated,
            method=method,
            points=points,
            source=source,
        )


        yield_curve_out.additional_properties = d
        return yield_curve_out

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
