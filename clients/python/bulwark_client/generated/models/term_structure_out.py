from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.calendar_spread_out import CalendarSpreadOut
  from ..models.futures_curve_point_out import FuturesCurvePointOut
  from ..models.term_structure_out_conventions import TermStructureOutConventions





T = TypeVar("T", bound="TermStructureOut")



@_attrs_define
class TermStructureOut:
    """ 
        Attributes:
            as_of (datetime.date):
            conventions (TermStructureOutConventions):
            date (datetime.date):
            front_to_back_roll_yield (float | None):
            name (None | str):
            points (list[FuturesCurvePointOut]):
            quote_unit (None | str):
            root (None | str):
            shape (str):
            source (str):
            spot (None | str):
            spot_roll_yield (float | None):
            spreads (list[CalendarSpreadOut]):
     """

    as_of: datetime.date
    conventions: TermStructureOutConventions
    date: datetime.date
    front_to_back_roll_yield: float | None
    name: None | str
    points: list[FuturesCurvePointOut]
    quote_unit: None | str
    root: None | str
    shape: str
    source: str
    spot: None | str
    spot_roll_yield: float | None
    spreads: list[CalendarSpreadOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.calendar_spread_out import CalendarSpreadOut # noqa: PLC0415
        from ..models.futures_curve_point_out import FuturesCurvePointOut # noqa: PLC0415
        from ..models.term_structure_out_conventions import TermStructureOutConventions # noqa: PLC0415
        as_of = self.as_of.isoformat()

        conventions = self.conventions.to_dict()

        date = self.date.isoformat()

        front_to_back_roll_yield: float | None
        front_to_back_roll_yield = self.front_to_back_roll_yield

        name: None | str
        name = self.name

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)



        quote_unit: None | str
        quote_unit = self.quote_unit

        root: None | str
        root = self.root

        shape = self.shape

        source = self.source

        spot: None | str
        spot = self.spot

        spot_roll_yield: float | None
        spot_roll_yield = self.spot_roll_yield

        spreads = []
        for spreads_item_data in self.spreads:
            spreads_item = spreads_item_data.to_dict()
            spreads.append(spreads_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "conventions": conventions,
            "date": date,
            "front_to_back_roll_yield": front_to_back_roll_yield,
            "name": name,
            "points": points,
            "quote_unit": quote_unit,
            "root": root,
            "shape": shape,
            "source": source,
            "spot": spot,
            "spot_roll_yield": spot_roll_yield,
            "spreads": spreads,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_spread_out import CalendarSpreadOut # noqa: PLC0415
        from ..models.futures_curve_point_out import FuturesCurvePointOut # noqa: PLC0415
        from ..models.term_structure_out_conventions import TermStructureOutConventions # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        conventions = TermStructureOutConventions.from_dict(d.pop("conventions"))




        date = datetime.date.fromisoformat(d.pop("date"))




        def _parse_front_to_back_roll_yield(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        front_to_back_roll_yield = _parse_front_to_back_roll_yield(d.pop("front_to_back_roll_yield"))


        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = FuturesCurvePointOut.from_dict(points_item_data)



            points.append(points_item)


        def _parse_quote_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quote_unit = _parse_quote_unit(d.pop("quote_unit"))


        def _parse_root(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        root = _parse_root(d.pop("root"))


        shape = d.pop("shape")

        source = d.pop("source")

        def _parse_spot(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        spot = _parse_spot(d.pop("spot"))


        def _parse_spot_roll_yield(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        spot_roll_yield = _parse_spot_roll_yield(d.pop("spot_roll_yield"))


        spreads = []
        _spreads = d.pop("spreads")
        for spreads_item_data in (_spreads):
            spreads_item = CalendarSpreadOut.from_dict(spreads_item_data)



            spreads.append(spreads_item)


        term_structure_out = cls(
            as_of=as_of,
            conventions=conventions,
            date=date,
            front_to_back_roll_yield=front_to_back_roll_yield,
            name=name,
            points=points,
            quote_unit=quote_unit,
            root=root,
            shape=shape,
            source=source,
            spot=spot,
            spot_roll_yield=spot_roll_yield,
            spreads=spreads,
        )


        term_structure_out.additional_properties = d
        return term_structure_out

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
