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
  from ..models.kyc_provider_out import KycProviderOut





T = TypeVar("T", bound="KycStatusOut")



@_attrs_define
class KycStatusOut:
    """ 
        Attributes:
            status (str):
            updated_at (datetime.datetime):
            user_id (str):
            provider (KycProviderOut | None | Unset):
            reason (None | str | Unset):
            verified_until (datetime.datetime | None | Unset):
     """

    status: str
    updated_at: datetime.datetime
    user_id: str
    provider: KycProviderOut | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    verified_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.kyc_provider_out import KycProviderOut # noqa: PLC0415
        status = self.status

        updated_at = self.updated_at.isoformat()

        user_id = self.user_id

        provider: dict[str, Any] | None | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        elif isinstance(self.provider, KycProviderOut):
            provider = self.provider.to_dict()
        else:
            provider = self.provider

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        verified_until: None | str | Unset
        if isinstance(self.verified_until, Unset):
            verified_until = UNSET
        elif isinstance(self.verified_until, datetime.datetime):
            verified_until = self.verified_until.isoformat()
        else:
            verified_until = self.verified_until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "updated_at": updated_at,
            "user_id": user_id,
        })
        if provider is not UNSET:
            field_dict["provider"] = provider
        if reason is not UNSET:
            field_dict["reason"] = reason
        if verified_until is not UNSET:
            field_dict["verified_until"] = verified_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kyc_provider_out import KycProviderOut # noqa: PLC0415
        d = dict(src_dict)
        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        user_id = d.pop("user_id")

        def _parse_provider(data: object) -> KycProviderOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provider_type_0 = KycProviderOut.from_dict(data)



                return provider_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KycProviderOut | None | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_verified_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_until_type_0 = datetime.datetime.fromisoformat(data)



                return verified_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        verified_until = _parse_verified_until(d.pop("verified_until", UNSET))


        kyc_status_out = cls(
            status=status,
            updated_at=updated_at,
            user_id=user_id,
            provider=provider,
            reason=reason,
            verified_until=verified_until,
        )


        kyc_status_out.additional_properties = d
        return kyc_status_out

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
