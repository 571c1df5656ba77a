from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.requirement_out import RequirementOut





T = TypeVar("T", bound="BookControlsOut")



@_attrs_define
class BookControlsOut:
    """ 
        Attributes:
            book_id (str):
            gap (int):
            members (list[str]):
            met (int):
            name (str):
            owner_id (str):
            partly_met (int):
            requirements (list[RequirementOut]):
     """

    book_id: str
    gap: int
    members: list[str]
    met: int
    name: str
    owner_id: str
    partly_met: int
    requirements: list[RequirementOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.requirement_out import RequirementOut # noqa: PLC0415
        book_id = self.book_id

        gap = self.gap

        members = self.members



        met = self.met

        name = self.name

        owner_id = self.owner_id

        partly_met = self.partly_met

        requirements = []
        for requirements_item_data in self.requirements:
            requirements_item = requirements_item_data.to_dict()
            requirements.append(requirements_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "book_id": book_id,
            "gap": gap,
            "members": members,
            "met": met,
            "name": name,
            "owner_id": owner_id,
            "partly_met": partly_met,
            "requirements": requirements,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_out import RequirementOut # noqa: PLC0415
        d = dict(src_dict)
        book_id = d.pop("book_id")

        gap = d.pop("gap")

        members = cast(list[str], d.pop("members"))


        met = d.pop("met")

        name = d.pop("name")

        owner_id = d.pop("owner_id")

        partly_met = d.pop("partly_met")

        requirements = []
        _requirements = d.pop("requirements")
        for requirements_item_data in (_requirements):
            requirements_item = RequirementOut.from_dict(requirements_item_data)



            requirements.append(requirements_item)


        book_controls_out = cls(
            book_id=book_id,
            gap=gap,
            members=members,
            met=met,
            name=name,
            owner_id=owner_id,
            partly_met=partly_met,
            requirements=requirements,
        )


        book_controls_out.additional_properties = d
        return book_controls_out

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
