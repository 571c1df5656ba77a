from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ImportReportOut")



@_attrs_define
class ImportReportOut:
    """ 
        Attributes:
            created (list[str]):
            skipped (list[str]):
            source (str):
            unchanged (list[str]):
            updated (list[str]):
     """

    created: list[str]
    skipped: list[str]
    source: str
    unchanged: list[str]
    updated: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created



        skipped = self.skipped



        source = self.source

        unchanged = self.unchanged



        updated = self.updated




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "skipped": skipped,
            "source": source,
            "unchanged": unchanged,
            "updated": updated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = cast(list[str], d.pop("created"))


        skipped = cast(list[str], d.pop("skipped"))


        source = d.pop("source")

        unchanged = cast(list[str], d.pop("unchanged"))


        updated = cast(list[str], d.pop("updated"))


        import_report_out = cls(
            created=created,
            skipped=skipped,
            source=source,
            unchanged=unchanged,
            updated=updated,
        )


        import_report_out.additional_properties = d
        return import_report_out

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
