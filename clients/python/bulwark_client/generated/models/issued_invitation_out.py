from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.invitation_out import InvitationOut





T = TypeVar("T", bound="IssuedInvitationOut")



@_attrs_define
class IssuedInvitationOut:
    """ 
        Attributes:
            invitation (InvitationOut):
            token (str):
     """

    invitation: InvitationOut
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.invitation_out import InvitationOut # noqa: PLC0415
        invitation = self.invitation.to_dict()

        token = self.token


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "invitation": invitation,
            "token": token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invitation_out import InvitationOut # noqa: PLC0415
        d = dict(src_dict)
        invitation = InvitationOut.from_dict(d.pop("invitation"))




        token = d.pop("token")

        issued_invitation_out = cls(
            invitation=invitation,
            token=token,
        )


        issued_invitation_out.additional_properties = d
        return issued_invitation_out

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
