from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.check_out import CheckOut





T = TypeVar("T", bound="ConnectionOut")



@_attrs_define
class ConnectionOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            endpoint (None | str):
            environment (str):
            halt_on_drift (bool):
            id (str):
            key_hint (None | str):
            kind (str):
            label (str):
            live (bool):
            quote (None | str):
            revoked_at (datetime.datetime | None):
            rotated_at (datetime.datetime | None):
            venue_account (None | str):
            verify_tls (bool):
            check (CheckOut | None | Unset):
     """

    created_at: datetime.datetime
    endpoint: None | str
    environment: str
    halt_on_drift: bool
    id: str
    key_hint: None | str
    kind: str
    label: str
    live: bool
    quote: None | str
    revoked_at: datetime.datetime | None
    rotated_at: datetime.datetime | None
    venue_account: None | str
    verify_tls: bool
    check: CheckOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.check_out import CheckOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        endpoint: None | str
        endpoint = self.endpoint

        environment = self.environment

        halt_on_drift = self.halt_on_drift

        id = self.id

        key_hint: None | str
        key_hint = self.key_hint

        kind = self.kind

        label = self.label

        live = self.live

        quote: None | str
        quote = self.quote

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        rotated_at: None | str
        if isinstance(self.rotated_at, datetime.datetime):
            rotated_at = self.rotated_at.isoformat()
        else:
            rotated_at = self.rotated_at

        venue_account: None | str
        venue_account = self.venue_account

        verify_tls = self.verify_tls

        check: dict[str, Any] | None | Unset
        if isinstance(self.check, Unset):
            check = UNSET
        elif isinstance(self.check, CheckOut):
            check = self.check.to_dict()
        else:
            check = self.check


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "endpoint": endpoint,
            "environment": environment,
            "halt_on_drift": halt_on_drift,
            "id": id,
            "key_hint": key_hint,
            "kind": kind,
            "label": label,
            "live": live,
            "quote": quote,
            "revoked_at": revoked_at,
            "rotated_at": rotated_at,
            "venue_account": venue_account,
            "verify_tls": verify_tls,
        })
        if check is not UNSET:
            field_dict["check"] = check

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_out import CheckOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_endpoint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        endpoint = _parse_endpoint(d.pop("endpoint"))


        environment = d.pop("environment")

        halt_on_drift = d.pop("halt_on_drift")

        id = d.pop("id")

        def _parse_key_hint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_hint = _parse_key_hint(d.pop("key_hint"))


        kind = d.pop("kind")

        label = d.pop("label")

        live = d.pop("live")

        def _parse_quote(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quote = _parse_quote(d.pop("quote"))


        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        def _parse_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rotated_at_type_0 = datetime.datetime.fromisoformat(data)



                return rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        rotated_at = _parse_rotated_at(d.pop("rotated_at"))


        def _parse_venue_account(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        venue_account = _parse_venue_account(d.pop("venue_account"))


        verify_tls = d.pop("verify_tls")

        def _parse_check(data: object) -> CheckOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                check_type_0 = CheckOut.from_dict(data)



                return check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CheckOut | None | Unset, data)

        check = _parse_check(d.pop("check", UNSET))


        connection_out = cls(
            created_at=created_at,
            endpoint=endpoint,
            environment=environment,
            halt_on_drift=halt_on_drift,
            id=id,
            key_hint=key_hint,
            kind=kind,
            label=label,
            live=live,
            quote=quote,
            revoked_at=revoked_at,
            rotated_at=rotated_at,
            venue_account=venue_account,
            verify_tls=verify_tls,
            check=check,
        )


        connection_out.additional_properties = d
        return connection_out

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
