"""Privacy DTOs: an erasure's confirmation and its report."""

from __future__ import annotations

from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from application.privacy.personal_data import ErasureReport


class ErasureIn(Input):
    confirm: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=256,
            description="The user's username, typed again: erasure cannot be undone",
        ),
    ]


class RetainedOut(Output):
    what: str
    why: Annotated[str, msgspec.Meta(description="The law's reason for keeping it")]


class ErasureOut(Output):
    user_id: str
    pseudonym: Annotated[str, msgspec.Meta(description="The name the user is left with")]
    api_keys_revoked: int
    endpoints_removed: Annotated[int, msgspec.Meta(description="Notification endpoints removed")]
    devices_revoked: int
    crypto_wallets_removed: Annotated[
        int, msgspec.Meta(description="Stored crypto wallets removed")
    ]
    retirement_plans_removed: Annotated[
        int, msgspec.Meta(description="Retirement plans kept beside accounts removed")
    ]
    audit_entries_pseudonymised: Annotated[
        int,
        msgspec.Meta(
            description="The user's audit entries kept with their name and addresses replaced"
        ),
    ]
    retained: Annotated[list[RetainedOut], msgspec.Meta(description="What erasure keeps, and why")]
    connections_revoked: Annotated[
        int, msgspec.Meta(description="Venue connections revoked, their credentials deleted")
    ]
    vault_keys_deleted: Annotated[
        int, msgspec.Meta(description="The user's other API keys deleted from the vault")
    ]
    books_deleted: Annotated[
        int, msgspec.Meta(description="The user's books (limits over their accounts) deleted")
    ]
    oauth_grants_revoked: Annotated[
        int, msgspec.Meta(description="The user's OAuth grants to MCP clients revoked")
    ]
    drill_schedules_removed: Annotated[
        int, msgspec.Meta(description="The user's kill-switch drill schedules removed")
    ]

    @classmethod
    def from_report(cls, report: ErasureReport) -> ErasureOut:
        retained = [RetainedOut.from_attributes(kept) for kept in report.retained]
        return cls.from_attributes(report, retained=retained)
