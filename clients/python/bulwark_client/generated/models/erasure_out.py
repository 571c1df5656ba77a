from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.retained_out import RetainedOut





T = TypeVar("T", bound="ErasureOut")



@_attrs_define
class ErasureOut:
    """ 
        Attributes:
            api_keys_revoked (int):
            audit_entries_pseudonymised (int): The user's audit entries kept with their name and addresses replaced
            books_deleted (int): The user's books (limits over their accounts) deleted
            connections_revoked (int): Venue connections revoked, their credentials deleted
            crypto_wallets_removed (int): Stored crypto wallets removed
            devices_revoked (int):
            drill_schedules_removed (int): The user's kill-switch drill schedules removed
            endpoints_removed (int): Notification endpoints removed
            oauth_grants_revoked (int): The user's OAuth grants to MCP clients revoked
            pseudonym (str): The name the user is left with
            retained (list[RetainedOut]): What erasure keeps, and why
            retirement_plans_removed (int): Retirement plans kept beside accounts removed
            user_id (str):
            vault_keys_deleted (int): The user's other API keys deleted from the vault
     """

    api_keys_revoked: int
    audit_entries_pseudonymised: int
    books_deleted: int
    connections_revoked: int
    crypto_wallets_removed: int
    devices_revoked: int
    drill_schedules_removed: int
    endpoints_removed: int
    oauth_grants_revoked: int
    pseudonym: str
    retained: list[RetainedOut]
    retirement_plans_removed: int
    user_id: str
    vault_keys_deleted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.retained_out import RetainedOut # noqa: PLC0415
        api_keys_revoked = self.api_keys_revoked

        audit_entries_pseudonymised = self.audit_entries_pseudonymised

        books_deleted = self.books_deleted

        connections_revoked = self.connections_revoked

        crypto_wallets_removed = self.crypto_wallets_removed

        devices_revoked = self.devices_revoked

        drill_schedules_removed = self.drill_schedules_removed

        endpoints_removed = self.endpoints_removed

        oauth_grants_revoked = self.oauth_grants_revoked

        pseudonym = self.pseudonym

        retained = []
        for retained_item_data in self.retained:
            retained_item = retained_item_data.to_dict()
            retained.append(retained_item)



        retirement_plans_removed = self.retirement_plans_removed

        user_id = self.user_id

        vault_keys_deleted = self.vault_keys_deleted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "api_keys_revoked": api_keys_revoked,
            "audit_entries_pseudonymised": audit_entries_pseudonymised,
            "books_deleted": books_deleted,
            "connections_revoked": connections_revoked,
            "crypto_wallets_removed": crypto_wallets_removed,
            "devices_revoked": devices_revoked,
            "drill_schedules_removed": drill_schedules_removed,
            "endpoints_removed": endpoints_removed,
            "oauth_grants_revoked": oauth_grants_revoked,
            "pseudonym": pseudonym,
            "retained": retained,
            "retirement_plans_removed": retirement_plans_removed,
            "user_id": user_id,
            "vault_keys_deleted": vault_keys_deleted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retained_out import RetainedOut # noqa: PLC0415
        d = dict(src_dict)
        api_keys_revoked = d.pop("api_keys_revoked")

        audit_entries_pseudonymised = d.pop("audit_entries_pseudonymised")

        books_deleted = d.pop("books_deleted")

        connections_revoked = d.pop("connections_revoked")

        crypto_wallets_removed = d.pop("crypto_wallets_removed")

        devices_revoked = d.pop("devices_revoked")

        drill_schedules_removed = d.pop("drill_schedules_removed")

        endpoints_removed = d.pop("endpoints_removed")

        oauth_grants_revoked = d.pop("oauth_grants_revoked")

        pseudonym = d.pop("pseudonym")

        retained = []
        _retained = d.pop("retained")
        for retained_item_data in (_retained):
            retained_item = RetainedOut.from_dict(retained_item_data)



            retained.append(retained_item)


        retirement_plans_removed = d.pop("retirement_plans_removed")

        user_id = d.pop("user_id")

        vault_keys_deleted = d.pop("vault_keys_deleted")

        erasure_out = cls(
            api_keys_revoked=api_keys_revoked,
            audit_entries_pseudonymised=audit_entries_pseudonymised,
            books_deleted=books_deleted,
            connections_revoked=connections_revoked,
            crypto_wallets_removed=crypto_wallets_removed,
            devices_revoked=devices_revoked,
            drill_schedules_removed=drill_schedules_removed,
            endpoints_removed=endpoints_removed,
            oauth_grants_revoked=oauth_grants_revoked,
            pseudonym=pseudonym,
            retained=retained,
            retirement_plans_removed=retirement_plans_removed,
            user_id=user_id,
            vault_keys_deleted=vault_keys_deleted,
        )


        erasure_out.additional_properties = d
        return erasure_out

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
