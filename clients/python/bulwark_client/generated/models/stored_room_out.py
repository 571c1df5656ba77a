from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.retirement_source_out import RetirementSourceOut
  from ..models.room_out import RoomOut





T = TypeVar("T", bound="StoredRoomOut")



@_attrs_define
class StoredRoomOut:
    """ 
        Attributes:
            room (RoomOut):
            stored (RetirementSourceOut):
     """

    room: RoomOut
    stored: RetirementSourceOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.retirement_source_out import RetirementSourceOut # noqa: PLC0415
        from ..models.room_out import RoomOut # noqa: PLC0415
        room = self.room.to_dict()

        stored = self.stored.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "room": room,
            "stored": stored,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retirement_source_out import RetirementSourceOut # noqa: PLC0415
        from ..models.room_out import RoomOut # noqa: PLC0415
        d = dict(src_dict)
        room = RoomOut.from_dict(d.pop("room"))




        stored = RetirementSourceOut.from_dict(d.pop("stored"))




        stored_room_out = cls(
            room=room,
            stored=stored,
        )


        stored_room_out.additional_properties = d
        return stored_room_out

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
