"""Succession: the owner's dead man's switch policy, check-ins, status and beneficiaries."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post, put
from litestar.params import JSONBody

from adapters.http.deps import CallerDep
from adapters.http.safety import SafetyDep, problems
from adapters.http.safety.succession_schemas import (
    BeneficiariesIn,
    BeneficiariesOut,
    BeneficiaryOut,
    PolicyIn,
    PolicyOut,
    SuccessionStatusOut,
)
from adapters.http.security import require_roles
from application.safety.succession import SetBeneficiaries, SetSuccessionPolicy
from domain.principals import Role

_UNDER_WAY = "SUCCESSION_UNDER_WAY once the succession has been triggered"
_UNDER_WAY_422 = {422: _UNDER_WAY}
_POLICY_422 = {422: f"INVALID_SUCCESSION_POLICY, or {_UNDER_WAY}"}
_BENEFICIARIES_422 = {422: f"INVALID_BENEFICIARY_ALLOCATION, or {_UNDER_WAY}"}


class SuccessionController(Controller):
    """`/api/v1/succession` — the account owner's own succession; other roles get 403."""

    path = "/succession"
    guards = (require_roles(Role.OWNER),)

    @get(
        "/policy",
        summary="The caller's succession policy",
        description="404 NOT_FOUND until the owner enrols with PUT.",
        responses=problems(404, 429),
    )
    async def get_succession_policy(self, caller: CallerDep, safety: SafetyDep) -> PolicyOut:
        return PolicyOut.from_domain(await safety.succession.policy(caller.principal))

    @put(
        "/policy",
        summary="Enrol, or replace the policy (counts as a check-in)",
        description=(
            "200 with the policy. 422 INVALID_SUCCESSION_POLICY for inconsistent durations or "
            "reminders; 422 SUCCESSION_UNDER_WAY once the succession has been triggered."
        ),
        responses=problems(400, 422, 429, notes=_POLICY_422),
    )
    async def set_succession_policy(
        self, data: JSONBody[PolicyIn], caller: CallerDep, safety: SafetyDep
    ) -> PolicyOut:
        policy = data.to_domain(caller.principal.id)
        await safety.succession.set_policy(SetSuccessionPolicy(caller.principal, policy))
        return PolicyOut.from_domain(policy)

    @post(
        "/check-in",
        summary="Check in: the owner is alive (during the grace period this calls it off)",
        description=(
            "200 with the new deadline. 404 NOT_FOUND when not enrolled; "
            "422 SUCCESSION_UNDER_WAY once triggered."
        ),
        status_code=200,
        responses=problems(404, 422, 429, notes=_UNDER_WAY_422),
    )
    async def check_in(self, caller: CallerDep, safety: SafetyDep) -> SuccessionStatusOut:
        return SuccessionStatusOut.from_domain(await safety.succession.check_in(caller.principal))

    @get(
        "/status",
        summary="Where the caller's succession stands: deadline, grace, next reminder",
        description="404 NOT_FOUND when not enrolled.",
        responses=problems(404, 429),
    )
    async def get_succession_status(
        self, caller: CallerDep, safety: SafetyDep
    ) -> SuccessionStatusOut:
        return SuccessionStatusOut.from_domain(await safety.succession.status(caller.principal))

    @get(
        "/beneficiaries",
        summary="The caller's beneficiaries",
        responses=problems(429),
    )
    async def get_beneficiaries(self, caller: CallerDep, safety: SafetyDep) -> BeneficiariesOut:
        found = await safety.succession.beneficiaries(caller.principal)
        return BeneficiariesOut(beneficiaries=[BeneficiaryOut.from_domain(b) for b in found])

    @put(
        "/beneficiaries",
        summary="Replace the caller's beneficiaries",
        description=(
            "200 with the beneficiaries. 422 INVALID_BENEFICIARY_ALLOCATION when the shares do "
            "not sum to exactly 100, a share is outside (0, 100] or an id repeats; "
            "422 SUCCESSION_UNDER_WAY once triggered."
        ),
        responses=problems(400, 422, 429, notes=_BENEFICIARIES_422),
    )
    async def set_beneficiaries(
        self, data: JSONBody[BeneficiariesIn], caller: CallerDep, safety: SafetyDep
    ) -> BeneficiariesOut:
        saved = await safety.succession.set_beneficiaries(
            SetBeneficiaries(caller.principal, tuple(b.to_domain() for b in data.beneficiaries))
        )
        return BeneficiariesOut(beneficiaries=[BeneficiaryOut.from_domain(b) for b in saved])


CONTROLLERS: list[Any] = [SuccessionController]
