from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.treasury_inversions_out_conventions import TreasuryInversionsOutConventions
  from ..models.treasury_spread_inversions_out import TreasurySpreadInversionsOut





T = TypeVar("T", bound="TreasuryInversionsOut")



@_attrs_define
class TreasuryInversionsOut:
    """ 
        Attributes:
            conventions (TreasuryInversionsOutConventions):
            end (datetime.date):
            measures (list[TreasurySpreadInversionsOut]):
            source (str):
            start (datetime.date):
     """

    conventions: TreasuryInversionsOutConventions
    end: datetime.date
    measures: list[TreasurySpreadInversionsOut]
    source: str
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.treasury_inversions_out_conventions import TreasuryInversionsOutConventions # noqa: PLC0415
        from ..models.treasury_spread_inversions_out import TreasurySpreadInversionsOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        end = self.end.isoformat()

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)



        source = self.source

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "end": end,
            "measures": measures,
            "source": source,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.treasury_inversions_out_conventions import TreasuryInversionsOutConventions # noqa: PLC0415
        from ..models.treasury_spread_inversions_out import TreasurySpreadInversionsOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = TreasuryInversionsOutConventions.from_dict(d.pop("conventions"))




        end = datetime.date.fromisoformat(d.pop("end"))




        measures = []
        _measures = d.pop("measures")
        for measures_item_data in (_measures):
            measures_item = TreasurySpreadInversionsOut.from_dict(measures_item_data)



            measures.append(measures_item)


        source = d.pop("source")

        start = datetime.date.fromisoformat(d.pop("start"))




        treasury_inversions_out = cls(
            conventions=conventions,
            end=end,
            measures=measures,
            source=source,
            start=start,
        )


        treasury_inversions_out.additional_properties = d
        return treasury_inversions_out

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
