from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.evidence_verify_in_content import EvidenceVerifyInContent





T = TypeVar("T", bound="EvidenceVerifyIn")



@_attrs_define
class EvidenceVerifyIn:
    """ 
        Attributes:
            content (EvidenceVerifyInContent):
            digest (None | str | Unset):
     """

    content: EvidenceVerifyInContent
    digest: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.evidence_verify_in_content import EvidenceVerifyInContent # noqa: PLC0415
        content = self.content.to_dict()

        digest: None | str | Unset
        if isinstance(self.digest, Unset):
            digest = UNSET
        else:
            digest = self.digest


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content": content,
        })
        if digest is not UNSET:
            field_dict["digest"] = digest

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_verify_in_content import EvidenceVerifyInContent # noqa: PLC0415
        d = dict(src_dict)
        content = EvidenceVerifyInContent.from_dict(d.pop("content"))




        def _parse_digest(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        digest = _parse_digest(d.pop("digest", UNSET))


        evidence_verify_in = cls(
            content=content,
            digest=digest,
        )


        evidence_verify_in.additional_properties = d
        return evidence_verify_in

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
