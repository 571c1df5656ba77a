from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.status import Status
from typing import cast

if TYPE_CHECKING:
  from ..models.control_out import ControlOut
  from ..models.requirement_part_out import RequirementPartOut





T = TypeVar("T", bound="RequirementOut")



@_attrs_define
class RequirementOut:
    """ 
        Attributes:
            citation (str):
            controls (list[ControlOut]):
            gaps (list[str]): Each part short of met, and what Bulwark does not cover
            id (str):
            parts (list[RequirementPartOut]):
            regime (str):
            source (str):
            status (Status):
            title (str):
     """

    citation: str
    controls: list[ControlOut]
    gaps: list[str]
    id: str
    parts: list[RequirementPartOut]
    regime: str
    source: str
    status: Status
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.control_out import ControlOut # noqa: PLC0415
        from ..models.requirement_part_out import RequirementPartOut # noqa: PLC0415
        citation = self.citation

        controls = []
        for controls_item_data in self.controls:
            controls_item = controls_item_data.to_dict()
            controls.append(controls_item)



        gaps = self.gaps



        id = self.id

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)



        regime = self.regime

        source = self.source

        status = self.status.value

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "citation": citation,
            "controls": controls,
            "gaps": gaps,
            "id": id,
            "parts": parts,
            "regime": regime,
            "source": source,
            "status": status,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.control_out import ControlOut # noqa: PLC0415
        from ..models.requirement_part_out import RequirementPartOut # noqa: PLC0415
        d = dict(src_dict)
        citation = d.pop("citation")

        controls = []
        _controls = d.pop("controls")
        for controls_item_data in (_controls):
            controls_item = ControlOut.from_dict(controls_item_data)



            controls.append(controls_item)


        gaps = cast(list[str], d.pop("gaps"))


        id = d.pop("id")

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in (_parts):
            parts_item = RequirementPartOut.from_dict(parts_item_data)



            parts.append(parts_item)


        regime = d.pop("regime")

        source = d.pop("source")

        status = Status(d.pop("status"))




        title = d.pop("title")

        requirement_out = cls(
            citation=citation,
            controls=controls,
            gaps=gaps,
            id=id,
            parts=parts,
            regime=regime,
            source=source,
            status=status,
            title=title,
        )


        requirement_out.additional_properties = d
        return requirement_out

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
