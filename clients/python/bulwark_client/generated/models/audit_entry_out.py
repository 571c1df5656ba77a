from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.audit_entry_out_details import AuditEntryOutDetails





T = TypeVar("T", bound="AuditEntryOut")



@_attrs_define
class AuditEntryOut:
    """ 
        Attributes:
            action (str):
            actor (str):
            at (datetime.datetime):
            details (AuditEntryOutDetails):
            hash_ (str):
            ip (None | str):
            outcome (str):
            prev_hash (str):
            request_id (None | str):
            seq (int):
            subject (str):
     """

    action: str
    actor: str
    at: datetime.datetime
    details: AuditEntryOutDetails
    hash_: str
    ip: None | str
    outcome: str
    prev_hash: str
    request_id: None | str
    seq: int
    subject: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_out_details import AuditEntryOutDetails # noqa: PLC0415
        action = self.action

        actor = self.actor

        at = self.at.isoformat()

        details = self.details.to_dict()

        hash_ = self.hash_

        ip: None | str
        ip = self.ip

        outcome = self.outcome

        prev_hash = self.prev_hash

        request_id: None | str
        request_id = self.request_id

        seq = self.seq

        subject = self.subject


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor": actor,
            "at": at,
            "details": details,
            "hash": hash_,
            "ip": ip,
            "outcome": outcome,
            "prev_hash": prev_hash,
            "request_id": request_id,
            "seq": seq,
            "subject": subject,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_out_details import AuditEntryOutDetails # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        details = AuditEntryOutDetails.from_dict(d.pop("details"))




        hash_ = d.pop("hash")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))


        outcome = d.pop("outcome")

        prev_hash = d.pop("prev_hash")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))


        seq = d.pop("seq")

        subject = d.pop("subject")

        audit_entry_out = cls(
            action=action,
            actor=actor,
            at=at,
            details=details,
            hash_=hash_,
            ip=ip,
            outcome=outcome,
            prev_hash=prev_hash,
            request_id=request_id,
            seq=seq,
            subject=subject,
        )


        audit_entry_out.additional_properties = d
        return audit_entry_out

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
