"""A person's data (docs/privacy.md): the export of everything held about a user, and an
erasure on request.

A user exports their own data; an admin exports anyone's and erases users. Another user's
id answers 404 NOT_FOUND, as though it did not exist; agents 403.
"""

from __future__ import annotations

import asyncio

from litestar import Controller, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.privacy import PrivacyDep, problems
from adapters.http.privacy.personal_data_schemas import ErasureIn, ErasureOut
from adapters.http.security import reject_agents
from application.privacy.archive import MEDIA_TYPE, archive, file_name

_NOT_FOUND = "404 NOT_FOUND for an unknown user, and for another's unless the caller is an admin."


class PersonalDataController(Controller):
    """`/api/v1/privacy/users/{user_id}`: a person's data, exported or erased."""

    path = "/privacy/users"
    guards = (reject_agents,)

    @get(
        "/{user_id:str}/export",
        summary="Export everything Bulwark holds about a user (a zip of JSON and CSV; audited)",
        description=(
            "The user's record, sessions, API keys, workspaces, accounts with their positions, "
            "orders and fills, agents, risk rules, succession, portfolios, notification "
            "endpoints, devices, logins and the audit entries about them: `manifest.json` "
            "lists the sections, each as `<section>.json` and `<section>.csv`. Values are "
            "text: amounts as plain decimal strings, instants in ISO 8601 UTC. No secret "
            f"(hash, digest, key, ciphertext) is ever included. {_NOT_FOUND}"
        ),
        media_type=MEDIA_TYPE,
        responses={
            200: ResponseSpec(
                data_container=bytes,
                media_type=MEDIA_TYPE,
                description="The zip, as an attachment",
                generate_examples=False,
            ),
            **problems(404),
        },
    )
    async def export_personal_data(
        self, user_id: FromPath[str], caller: CallerDep, privacy: PrivacyDep
    ) -> Response[bytes]:
        export = await privacy.personal_data.export(caller.principal, user_id)
        content = await asyncio.to_thread(archive, export)  # zipping is CPU work
        return Response(
            content,
            media_type=MEDIA_TYPE,
            headers={
                "Content-Disposition": f'attachment; filename="{file_name(export)}"',
                "Cache-Control": "no-store",
            },
        )

    @post(
        "/{user_id:str}/erasure",
        status_code=200,
        summary="Erase a user on request (admin; audited; cannot be undone)",
        description=(
            "Ends the user's sessions and revokes their agents' keys, closes the login, "
            "replaces the username with a pseudonym and removes the email, MFA, notification "
            "endpoints and trusted devices. Kept, with the law's reason in `retained`: "
            "accounts, orders and fills (books and records), the audit chain, login history. "
            "`confirm` must be the user's username: 422 ERASURE_NOT_CONFIRMED otherwise; 409 "
            "ALREADY_ERASED the second time; 403 for the admin's own user. "
            f"{_NOT_FOUND}"
        ),
        responses=problems(404, 409, 422),
    )
    async def erase_user(
        self,
        user_id: FromPath[str],
        data: JSONBody[ErasureIn],
        caller: CallerDep,
        privacy: PrivacyDep,
    ) -> ErasureOut:
        report = await privacy.personal_data.erase(caller.principal, user_id, data.confirm)
        return ErasureOut.from_report(report)


CONTROLLERS = [PersonalDataController]
