from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attribution_sector_in import AttributionSectorIn





T = TypeVar("T", bound="AttributionPeriodIn")



@_attrs_define
class AttributionPeriodIn:
    """ 
        Attributes:
            end (datetime.date):
            sectors (list[AttributionSectorIn]): 1 to 200 sectors, the same names in every period; each weight column sums
                to 1 within 1e-06
            start (datetime.date):
     """

    end: datetime.date
    sectors: list[AttributionSectorIn]
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_sector_in import AttributionSectorIn # noqa: PLC0415
        end = self.end.isoformat()

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.to_dict()
            sectors.append(sectors_item)



        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "sectors": sectors,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_sector_in import AttributionSectorIn # noqa: PLC0415
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))




        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in (_sectors):
            sectors_item = AttributionSectorIn.from_dict(sectors_item_data)



            sectors.append(sectors_item)


        start = datetime.date.fromisoformat(d.pop("start"))




        attribution_period_in = cls(
            end=end,
            sectors=sectors,
            start=start,
        )


        attribution_period_in.additional_properties = d
        return attribution_period_in

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
