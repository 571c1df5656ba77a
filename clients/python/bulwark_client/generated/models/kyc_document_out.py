from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="KycDocumentOut")



@_attrs_define
class KycDocumentOut:
    """ 
        Attributes:
            id (str):
            kind (str):
            media_type (str):
            owner_id (str):
            sha256 (str):
            size (int):
            status (str):
            uploaded_at (datetime.datetime):
            decided_at (datetime.datetime | None | Unset):
            deleted_at (datetime.datetime | None | Unset):
            reason (None | str | Unset):
            reviewer_id (None | str | Unset):
     """

    id: str
    kind: str
    media_type: str
    owner_id: str
    sha256: str
    size: int
    status: str
    uploaded_at: datetime.datetime
    decided_at: datetime.datetime | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    reviewer_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        media_type = self.media_type

        owner_id = self.owner_id

        sha256 = self.sha256

        size = self.size

        status = self.status

        uploaded_at = self.uploaded_at.isoformat()

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        reviewer_id: None | str | Unset
        if isinstance(self.reviewer_id, Unset):
            reviewer_id = UNSET
        else:
            reviewer_id = self.reviewer_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "media_type": media_type,
            "owner_id": owner_id,
            "sha256": sha256,
            "size": size,
            "status": status,
            "uploaded_at": uploaded_at,
        })
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reviewer_id is not UNSET:
            field_dict["reviewer_id"] = reviewer_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        media_type = d.pop("media_type")

        owner_id = d.pop("owner_id")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        status = d.pop("status")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))




        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)



                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_reviewer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewer_id = _parse_reviewer_id(d.pop("reviewer_id", UNSET))


        kyc_document_out = cls(
            id=id,
            kind=kind,
            media_type=media_type,
            owner_id=owner_id,
            sha256=sha256,
            size=size,
            status=status,
            uploaded_at=uploaded_at,
            decided_at=decided_at,
            deleted_at=deleted_at,
            reason=reason,
            reviewer_id=reviewer_id,
        )


        kyc_document_out.additional_properties = d
        return kyc_document_out

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
