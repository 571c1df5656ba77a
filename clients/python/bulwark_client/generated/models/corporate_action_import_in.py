from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.corporate_action_import_in_source import CorporateActionImportInSource
from typing import cast
import datetime






T = TypeVar("T", bound="CorporateActionImportIn")



@_attrs_define
class CorporateActionImportIn:
    """ 
        Attributes:
            end (datetime.date):
            source (CorporateActionImportInSource): alpaca: splits, mergers, spin-offs, name changes; polygon: splits,
                ticker changes
            start (datetime.date):
     """

    end: datetime.date
    source: CorporateActionImportInSource
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        source = self.source.value

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "source": source,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))




        source = CorporateActionImportInSource(d.pop("source"))




        start = datetime.date.fromisoformat(d.pop("start"))




        corporate_action_import_in = cls(
            end=end,
            source=source,
            start=start,
        )


        corporate_action_import_in.additional_properties = d
        return corporate_action_import_in

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
