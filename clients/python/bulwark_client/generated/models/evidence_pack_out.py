from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.chain_head_out import ChainHeadOut
  from ..models.evidence_pack_out_content import EvidencePackOutContent





T = TypeVar("T", bound="EvidencePackOut")



@_attrs_define
class EvidencePackOut:
    """ 
        Attributes:
            audit_entry_seq (int | None):
            chain_head (ChainHeadOut):
            content (EvidencePackOutContent):
            digest (str):
     """

    audit_entry_seq: int | None
    chain_head: ChainHeadOut
    content: EvidencePackOutContent
    digest: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chain_head_out import ChainHeadOut # noqa: PLC0415
        from ..models.evidence_pack_out_content import EvidencePackOutContent # noqa: PLC0415
        audit_entry_seq: int | None
        audit_entry_seq = self.audit_entry_seq

        chain_head = self.chain_head.to_dict()

        content = self.content.to_dict()

        digest = self.digest


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "audit_entry_seq": audit_entry_seq,
            "chain_head": chain_head,
            "content": content,
            "digest": digest,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_head_out import ChainHeadOut # noqa: PLC0415
        from ..models.evidence_pack_out_content import EvidencePackOutContent # noqa: PLC0415
        d = dict(src_dict)
        def _parse_audit_entry_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        audit_entry_seq = _parse_audit_entry_seq(d.pop("audit_entry_seq"))


        chain_head = ChainHeadOut.from_dict(d.pop("chain_head"))




        content = EvidencePackOutContent.from_dict(d.pop("content"))




        digest = d.pop("digest")

        evidence_pack_out = cls(
            audit_entry_seq=audit_entry_seq,
            chain_head=chain_head,
            content=content,
            digest=digest,
        )


        evidence_pack_out.additional_properties = d
        return evidence_pack_out

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
