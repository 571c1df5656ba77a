from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.booked_action_out import BookedActionOut
  from ..models.skipped_action_out import SkippedActionOut





T = TypeVar("T", bound="CorporateActionImportOut")



@_attrs_define
class CorporateActionImportOut:
    """ 
        Attributes:
            added (list[BookedActionOut]):
            already_present (list[BookedActionOut]):
            end (datetime.date):
            skipped (list[SkippedActionOut]):
            source (str):
            start (datetime.date):
            symbols (list[str]): The symbols asked of the vendor
     """

    added: list[BookedActionOut]
    already_present: list[BookedActionOut]
    end: datetime.date
    skipped: list[SkippedActionOut]
    source: str
    start: datetime.date
    symbols: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.booked_action_out import BookedActionOut # noqa: PLC0415
        from ..models.skipped_action_out import SkippedActionOut # noqa: PLC0415
        added = []
        for added_item_data in self.added:
            added_item = added_item_data.to_dict()
            added.append(added_item)



        already_present = []
        for already_present_item_data in self.already_present:
            already_present_item = already_present_item_data.to_dict()
            already_present.append(already_present_item)



        end = self.end.isoformat()

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)



        source = self.source

        start = self.start.isoformat()

        symbols = self.symbols




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "added": added,
            "already_present": already_present,
            "end": end,
            "skipped": skipped,
            "source": source,
            "start": start,
            "symbols": symbols,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booked_action_out import BookedActionOut # noqa: PLC0415
        from ..models.skipped_action_out import SkippedActionOut # noqa: PLC0415
        d = dict(src_dict)
        added = []
        _added = d.pop("added")
        for added_item_data in (_added):
            added_item = BookedActionOut.from_dict(added_item_data)



            added.append(added_item)


        already_present = []
        _already_present = d.pop("already_present")
        for already_present_item_data in (_already_present):
            already_present_item = BookedActionOut.from_dict(already_present_item_data)



            already_present.append(already_present_item)


        end = datetime.date.fromisoformat(d.pop("end"))




        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in (_skipped):
            skipped_item = SkippedActionOut.from_dict(skipped_item_data)



            skipped.append(skipped_item)


        source = d.pop("source")

        start = datetime.date.fromisoformat(d.pop("start"))




        symbols = cast(list[str], d.pop("symbols"))


        corporate_action_import_out = cls(
            added=added,
            already_present=already_present,
            end=end,
            skipped=skipped,
            source=source,
            start=start,
            symbols=symbols,
        )


        corporate_action_import_out.additional_properties = d
        return corporate_action_import_out

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
