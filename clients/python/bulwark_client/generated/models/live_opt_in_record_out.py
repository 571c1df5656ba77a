from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.live_status import LiveStatus
from typing import cast
import datetime






T = TypeVar("T", bound="LiveOptInRecordOut")



@_attrs_define
class LiveOptInRecordOut:
    """ 
        Attributes:
            account_id (str):
            acknowledged_at (datetime.datetime):
            acknowledged_by (str):
            approved_at (datetime.datetime | None):
            approved_by (None | str):
            connection_id (str):
            owner_id (str):
            status (LiveStatus): Where an account stands with live trading.
     """

    account_id: str
    acknowledged_at: datetime.datetime
    acknowledged_by: str
    approved_at: datetime.datetime | None
    approved_by: None | str
    connection_id: str
    owner_id: str
    status: LiveStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        acknowledged_at = self.acknowledged_at.isoformat()

        acknowledged_by = self.acknowledged_by

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        approved_by: None | str
        approved_by = self.approved_by

        connection_id = self.connection_id

        owner_id = self.owner_id

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "acknowledged_at": acknowledged_at,
            "acknowledged_by": acknowledged_by,
            "approved_at": approved_at,
            "approved_by": approved_by,
            "connection_id": connection_id,
            "owner_id": owner_id,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        acknowledged_at = datetime.datetime.fromisoformat(d.pop("acknowledged_at"))




        acknowledged_by = d.pop("acknowledged_by")

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)



                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))


        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))


        connection_id = d.pop("connection_id")

        owner_id = d.pop("owner_id")

        status = LiveStatus(d.pop("status"))




        live_opt_in_record_out = cls(
            account_id=account_id,
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            approved_at=approved_at,
            approved_by=approved_by,
            connection_id=connection_id,
            owner_id=owner_id,
            status=status,
        )


        live_opt_in_record_out.additional_properties = d
        return live_opt_in_record_out

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
