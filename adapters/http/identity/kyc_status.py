"""Users' KYC status: an owner reads theirs (a risk officer or an admin anyone's; another
user's answers 404), starts or polls an identity-verification inquiry; the provider's webhook
is public and acted on only when its signature checks out (401 INVALID_WEBHOOK_SIGNATURE
otherwise)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.params import FromPath

from adapters.http.deps import CallerDep
from adapters.http.identity import IdentityDep, problems
from adapters.http.identity.kyc_status_schemas import KycStatusOut, KycWebhookAckOut
from adapters.http.problems import problem_responses
from adapters.http.security import HUMANS, PublicOperation, require_roles

_USER = FromPath[str]  # an id no user has (whatever its length) answers 404
_NOT_CONFIGURED = "CAPABILITY_NOT_CONFIGURED (no identity-verification provider)"


class KycStatusController(Controller):
    """`/api/v1/kyc/status`: yours, or (risk officer, admin) any user's."""

    path = "/kyc/status"

    @get(
        "/",
        summary="Your KYC status (live trading waits for `verified`)",
        guards=[require_roles(*HUMANS)],
        responses=problems(429),
    )
    async def get_my_kyc_status(self, caller: CallerDep, identity: IdentityDep) -> KycStatusOut:
        principal = caller.principal
        return KycStatusOut.from_domain(await identity.kyc_status.show(principal, principal.id))

    @get(
        "/{user_id:str}",
        summary="A user's KYC status: yours, or (risk officer, admin) anyone's",
        description="Another user's status answers 404 unless you are a risk officer or admin.",
        guards=[require_roles(*HUMANS)],
        responses=problems(404, 429),
    )
    async def get_kyc_status(
        self, user_id: _USER, caller: CallerDep, identity: IdentityDep
    ) -> KycStatusOut:
        return KycStatusOut.from_domain(await identity.kyc_status.show(caller.principal, user_id))

    @post(
        "/{user_id:str}/poll",
        summary="Read the user's verification inquiry at the provider now",
        description=(
            "The webhook's fallback: the provider's current result of the user's inquiry "
            "updates their status. 404 without an inquiry; 503 STORE_UNAVAILABLE when the "
            "provider cannot be reached."
        ),
        status_code=200,
        guards=[require_roles(*HUMANS)],
        responses=problems(404, 409, 429, 503, notes={409: _NOT_CONFIGURED}),
    )
    async def poll_kyc_verification(
        self, user_id: _USER, caller: CallerDep, identity: IdentityDep
    ) -> KycStatusOut:
        return KycStatusOut.from_domain(await identity.kyc_status.poll(caller.principal, user_id))


class KycVerificationController(Controller):
    """`/api/v1/kyc/verification`: the caller's identity-verification inquiry."""

    path = "/kyc/verification"

    @post(
        "/",
        summary="Start an identity-verification inquiry at the provider (Persona)",
        description=(
            "Opens an inquiry whose reference is your user id; your status shows it pending "
            "(`provider.reference` is the inquiry id the provider's flow continues with). 409 "
            "KYC_ALREADY_VERIFIED while you are verified."
        ),
        status_code=201,
        guards=[require_roles(*HUMANS)],
        responses=problems(
            409, 429, 503, notes={409: f"KYC_ALREADY_VERIFIED or {_NOT_CONFIGURED}"}
        ),
    )
    async def start_kyc_verification(
        self, caller: CallerDep, identity: IdentityDep
    ) -> KycStatusOut:
        return KycStatusOut.from_domain(
            await identity.kyc_status.start_verification(caller.principal)
        )


class KycWebhookController(Controller):
    """The provider's webhooks: public, and acted on only when the signature checks out."""

    path = "/kyc/webhooks"

    @post(
        "/persona",
        summary="Persona's inquiry webhooks: signed, replays change nothing",
        description=(
            "The `Persona-Signature` header (`t=...,v1=HMAC-SHA256`) must match the body under "
            "BULWARK_PERSONA_WEBHOOK_SECRET and be recent; otherwise 401 "
            "INVALID_WEBHOOK_SIGNATURE and nothing is done. A redelivered event answers 200 "
            "with `applied` false."
        ),
        status_code=200,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(
            401, 409, 413, 429, notes={401: "INVALID_WEBHOOK_SIGNATURE", 409: _NOT_CONFIGURED}
        ),
    )
    async def receive_persona_webhook(
        self, request: Request[Any, Any, Any], identity: IdentityDep
    ) -> KycWebhookAckOut:
        body = await request.body()
        outcome = await identity.kyc_status.webhook(body, dict(request.headers.items()))
        return KycWebhookAckOut.from_domain(outcome)


CONTROLLERS: list[Any] = [KycStatusController, KycVerificationController, KycWebhookController]
