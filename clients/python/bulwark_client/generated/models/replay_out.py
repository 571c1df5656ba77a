from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.replay_out_shocks import ReplayOutShocks





T = TypeVar("T", bound="ReplayOut")



@_attrs_define
class ReplayOut:
    """ 
        Attributes:
            end (datetime.date):
            name (str):
            notes (str):
            shocks (ReplayOutShocks):
            sources (list[str]):
            start (datetime.date):
            title (str):
     """

    end: datetime.date
    name: str
    notes: str
    shocks: ReplayOutShocks
    sources: list[str]
    start: datetime.date
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.replay_out_shocks import ReplayOutShocks # noqa: PLC0415
        end = self.end.isoformat()

        name = self.name

        notes = self.notes

        shocks = self.shocks.to_dict()

        sources = self.sources



        start = self.start.isoformat()

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "name": name,
            "notes": notes,
            "shocks": shocks,
            "sources": sources,
            "start": start,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.replay_out_shocks import ReplayOutShocks # noqa: PLC0415
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))




        name = d.pop("name")

        notes = d.pop("notes")

        shocks = ReplayOutShocks.from_dict(d.pop("shocks"))




        sources = cast(list[str], d.pop("sources"))


        start = datetime.date.fromisoformat(d.pop("start"))




        title = d.pop("title")

        replay_out = cls(
            end=end,
            name=name,
            notes=notes,
            shocks=shocks,
            sources=sources,
            start=start,
            title=title,
        )


        replay_out.additional_properties = d
        return replay_out

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
