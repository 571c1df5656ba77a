from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="EvidenceVerifyOut")



@_attrs_define
class EvidenceVerifyOut:
    """ 
        Attributes:
            audit_entry_seq (int | None):
            digest (str):
            matches (bool):
            ok (bool):
            recorded_at (datetime.datetime | None):
     """

    audit_entry_seq: int | None
    digest: str
    matches: bool
    ok: bool
    recorded_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        audit_entry_seq: int | None
        audit_entry_seq = self.audit_entry_seq

        digest = self.digest

        matches = self.matches

        ok = self.ok

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "audit_entry_seq": audit_entry_seq,
            "digest": digest,
            "matches": matches,
            "ok": ok,
            "recorded_at": recorded_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_audit_entry_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        audit_entry_seq = _parse_audit_entry_seq(d.pop("audit_entry_seq"))


        digest = d.pop("digest")

        matches = d.pop("matches")

        ok = d.pop("ok")

        def _parse_recorded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)



                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))


        evidence_verify_out = cls(
            audit_entry_seq=audit_entry_seq,
            digest=digest,
            matches=matches,
            ok=ok,
            recorded_at=recorded_at,
        )


        evidence_verify_out.additional_properties = d
        return evidence_verify_out

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
