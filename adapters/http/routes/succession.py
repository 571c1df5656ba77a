"""Succession: the owner's dead man's switch policy, check-ins, status and beneficiaries."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post, put

from adapters.http.schemas.succession import (
    BeneficiariesIn,
    BeneficiariesOut,
    BeneficiaryOut,
    PolicyIn,
    PolicyOut,
    SuccessionStatusOut,
)
from adapters.http.security import Caller, require_roles
from adapters.http.services import ApiServices
from application.succession import SetBeneficiaries, SetSuccessionPolicy
from domain.principals import Role


class SuccessionController(Controller):
    """`/api/v1/succession` — the account owner's own succession; other roles get 403."""

    path = "/succession"
    tags = ("succession",)
    guards = (require_roles(Role.OWNER),)

    @get(
        "/policy",
        summary="The caller's succession policy",
        description="404 NOT_FOUND until the owner enrols with PUT.",
    )
    async def get_policy(self, caller: Caller, services: ApiServices) -> PolicyOut:
        return PolicyOut.from_domain(await services.succession.policy(caller.principal))

    @put(
        "/policy",
        summary="Enrol, or replace the policy (counts as a check-in)",
        description=(
            "200 with the policy. 422 INVALID_SUCCESSION_POLICY for inconsistent durations or "
            "reminders; 422 SUCCESSION_UNDER_WAY once the succession has been triggered."
        ),
    )
    async def put_policy(self, data: PolicyIn, caller: Caller, services: ApiServices) -> PolicyOut:
        policy = data.to_domain(caller.principal.id)
        await services.succession.set_policy(SetSuccessionPolicy(caller.principal, policy))
        return PolicyOut.from_domain(policy)

    @post(
        "/check-in",
        summary="Check in: the owner is alive (during the grace period this calls it off)",
        description=(
            "200 with the new deadline. 404 NOT_FOUND when not enrolled; "
            "422 SUCCESSION_UNDER_WAY once triggered."
        ),
        status_code=200,
    )
    async def check_in(self, caller: Caller, services: ApiServices) -> SuccessionStatusOut:
        return SuccessionStatusOut.from_domain(await services.succession.check_in(caller.principal))

    @get(
        "/status",
        summary="Where the caller's succession stands: deadline, grace, next reminder",
        description="404 NOT_FOUND when not enrolled.",
    )
    async def status(self, caller: Caller, services: ApiServices) -> SuccessionStatusOut:
        return SuccessionStatusOut.from_domain(await services.succession.status(caller.principal))

    @get("/beneficiaries", summary="The caller's beneficiaries")
    async def get_beneficiaries(self, caller: Caller, services: ApiServices) -> BeneficiariesOut:
        found = await services.succession.beneficiaries(caller.principal)
        return BeneficiariesOut(beneficiaries=[BeneficiaryOut.from_domain(b) for b in found])

    @put(
        "/beneficiaries",
        summary="Replace the caller's beneficiaries",
        description=(
            "200 with the beneficiaries. 422 INVALID_BENEFICIARY_ALLOCATION when the shares do "
            "not sum to exactly 100, a share is outside (0, 100] or an id repeats; "
            "422 SUCCESSION_UNDER_WAY once triggered."
        ),
    )
    async def put_beneficiaries(
        self, data: BeneficiariesIn, caller: Caller, services: ApiServices
    ) -> BeneficiariesOut:
        saved = await services.succession.set_beneficiaries(
            SetBeneficiaries(caller.principal, tuple(b.to_domain() for b in data.beneficiaries))
        )
        return BeneficiariesOut(beneficiaries=[BeneficiaryOut.from_domain(b) for b in saved])


CONTROLLERS: list[Any] = [SuccessionController]
