"""`/api/v1/admin/keys`: KEK status and online rotation, for admins (403 FORBIDDEN otherwise).

Retirement stays on the CLI (`bulwark keys retire`): it goes with editing the KEK file.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.params import FromPath

from adapters.http.deps import CallerDep
from adapters.http.keys import KeysDep, problems
from adapters.http.keys.keys_schemas import KeysOut, RotationOut
from adapters.http.security import require_roles
from domain.principals import Role

_ADMIN = "Admins only (403 FORBIDDEN for anyone else)."


class KeysController(Controller):
    path = "/admin/keys"
    guards = [require_roles(Role.ADMIN)]  # noqa: RUF012 (Litestar reads a list)

    @get(
        "/",
        summary="Key-encryption keys: current, configured, and what each store seals under",
        description=(
            f"{_ADMIN} Counts every sealed record of every store per key label (`main v2`, "
            "`legacy` for Fernet texts not yet migrated, `unreadable` for a malformed text); "
            "`retired` lists versions retired with `bulwark keys retire`. No key material."
        ),
        responses=problems(429),
    )
    async def list_encryption_keys(self, keys: KeysDep) -> KeysOut:
        return KeysOut.from_domain(await keys.key_rotations.rotation.status())

    @post(
        "/rotate",
        summary="Start re-wrapping every sealed secret under the current KEK (background)",
        description=(
            f"{_ADMIN} Answers 202 with the rotation; follow it with GET "
            "/api/v1/admin/keys/rotations/{id}. Online, in batches of "
            "BULWARK_KEY_ROTATION_BATCH, resuming an interrupted run. 409 ROTATION_RUNNING "
            "while one is running on this instance."
        ),
        status_code=202,
        responses=problems(409, 429),
    )
    async def start_key_rotation(self, caller: CallerDep, keys: KeysDep) -> RotationOut:
        return RotationOut.from_domain(keys.key_rotations.start(caller.principal))

    @get(
        "/rotations/{rotation_id:str}",
        summary="One rotation: state, percent done, counts, unreadable records",
        description=(
            f"{_ADMIN} Unreadable records are named by store and record id, never shown. "
            "404 NOT_FOUND for an unknown id (rotations are kept by the instance that ran "
            "them, the last 20)."
        ),
        responses=problems(404, 429),
    )
    async def get_key_rotation(
        self, rotation_id: FromPath[str], keys: KeysDep, caller: CallerDep
    ) -> RotationOut:
        del caller
        return RotationOut.from_domain(keys.key_rotations.get(rotation_id))


CONTROLLERS: list[Any] = [KeysController]
