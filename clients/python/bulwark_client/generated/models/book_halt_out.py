from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.kill_switch_event_out import KillSwitchEventOut
  from ..models.member_halt_out import MemberHaltOut





T = TypeVar("T", bound="BookHaltOut")



@_attrs_define
class BookHaltOut:
    """ 
        Attributes:
            book_id (str):
            confirmed (bool):
            elapsed_ms (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            event (KillSwitchEventOut):
            flat (bool | None):
            members (list[MemberHaltOut]):
            unconfirmed (list[str]):
     """

    book_id: str
    confirmed: bool
    elapsed_ms: float
    event: KillSwitchEventOut
    flat: bool | None
    members: list[MemberHaltOut]
    unconfirmed: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.kill_switch_event_out import KillSwitchEventOut # noqa: PLC0415
        from ..models.member_halt_out import MemberHaltOut # noqa: PLC0415
        book_id = self.book_id

        confirmed = self.confirmed

        elapsed_ms = self.elapsed_ms

        event = self.event.to_dict()

        flat: bool | None
        flat = self.flat

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        unconfirmed = self.unconfirmed




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "book_id": book_id,
            "confirmed": confirmed,
            "elapsed_ms": elapsed_ms,
            "event": event,
            "flat": flat,
            "members": members,
            "unconfirmed": unconfirmed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kill_switch_event_out import KillSwitchEventOut # noqa: PLC0415
        from ..models.member_halt_out import MemberHaltOut # noqa: PLC0415
        d = dict(src_dict)
        book_id = d.pop("book_id")

        confirmed = d.pop("confirmed")

        elapsed_ms = d.pop("elapsed_ms")

        event = KillSwitchEventOut.from_dict(d.pop("event"))




        def _parse_flat(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        flat = _parse_flat(d.pop("flat"))


        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberHaltOut.from_dict(members_item_data)



            members.append(members_item)


        unconfirmed = cast(list[str], d.pop("unconfirmed"))


        book_halt_out = cls(
            book_id=book_id,
            confirmed=confirmed,
            elapsed_ms=elapsed_ms,
            event=event,
            flat=flat,
            members=members,
            unconfirmed=unconfirmed,
        )


        book_halt_out.additional_properties = d
        return book_halt_out

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
