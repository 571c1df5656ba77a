"""`/console/vault`: the signed-in user's third-party API keys (masked), add, test, rotate and
delete them.

The same use cases as `/api/v1/vault/keys` (application/keys/vault.py KeyVaultService) with
the signed-in principal: only the caller's own keys are listed and another user's key id
answers 404. Secrets go in and never come out: the page shows the masked key id (`PK…7XQ`),
a refused form never echoes the key id nor the secret, and both fields are password inputs.
Adding, rotating and deleting ask for step-up like the API (`require_step_up`: 403
STEP_UP_REQUIRED from an untrusted device of a user with MFA). The read-only viewer sees its
keys (none it can add) and every change answers 403.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from litestar import Request, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import ACTING, ConsolePage, form_page, see_other
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from adapters.http.step_up import require_step_up
from application.keys.vault import CreateVaultKey, KeyVaultService, RotateVaultKey
from domain.keys.keys import PROVIDERS, InvalidVaultKey
from ports.keys.key_vault import ConnectionReport

VAULT = "/console/vault"
SCOPES = sorted({s for p in PROVIDERS.values() for s in p.scopes})


def _keys(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "keys", "the key vault is not served here")


def _vault(request: Request[Any, Any, Any]) -> KeyVaultService:
    found: KeyVaultService = _keys(request).key_vault
    return found


def _back(request: Request[Any, Any, Any]) -> Redirect:
    return see_other(request, VAULT)


def _expiry(raw: str) -> datetime | None:
    """A date typed in the form (YYYY-MM-DD): the end of that day, UTC; empty: none."""
    if not raw.strip():
        return None
    try:
        day = datetime.strptime(raw.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise InvalidForm("expires_on", "a date, YYYY-MM-DD") from None
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def create_command(request: Request[Any, Any, Any], form: Any) -> CreateVaultKey:
    """The key a posted form asks to store (the service checks every field)."""
    return CreateVaultKey(
        caller_of(request).principal,
        str(form.get("provider", "")),
        str(form.get("label", "")),
        tuple(str(s) for s in form.getall("scopes", [])),
        str(form.get("key_id", "")),
        str(form.get("secret", "")),
        _expiry(str(form.get("expires_on", ""))),
        str(form.get("account_id", "")).strip() or None,
        form.get("paper") == "on",
    )


class VaultPageController(ConsolePage):
    """`/console/vault`"""

    path = "/vault"

    @get("/")
    async def vault(self, request: Request[Any, Any, Any]) -> Template:
        return await _vault_page(request)

    @post("/", guards=[ACTING, require_step_up], status_code=303)
    async def add(self, request: Request[Any, Any, Any]) -> Redirect | Template:
        form = await request.form()
        typed = {k: str(form.get(k, "")) for k in ("provider", "label", "expires_on", "account_id")}
        typed["scopes"] = list(form.getall("scopes", []))  # type: ignore[assignment]
        try:
            await _vault(request).create(create_command(request, form))
        except (InvalidVaultKey, InvalidForm) as refused:
            return await _vault_page(request, error=refused.message, typed=typed, code=refused.code)
        return _back(request)

    @post("/{key_id:str}/test", guards=[ACTING], status_code=200)
    async def test(self, request: Request[Any, Any, Any], key_id: FromPath[str]) -> Template:
        report = await _vault(request).test(caller_of(request).principal, key_id)
        return await _vault_page(request, tested=(key_id, report))

    @post("/{key_id:str}/rotate", guards=[ACTING, require_step_up], status_code=303)
    async def rotate(
        self, request: Request[Any, Any, Any], key_id: FromPath[str]
    ) -> Redirect | Template:
        form = await request.form()
        command = RotateVaultKey(
            caller_of(request).principal,
            key_id,
            str(form.get("secret", "")),
            str(form.get("new_key_id", "")).strip() or None,
        )
        try:
            await _vault(request).rotate(command)
        except InvalidVaultKey as refused:
            return await _vault_page(
                request, rotate_errors={key_id: refused.message}, code=refused.code
            )
        return _back(request)

    @post("/{key_id:str}/delete", guards=[ACTING, require_step_up], status_code=303)
    async def delete(self, request: Request[Any, Any, Any], key_id: FromPath[str]) -> Redirect:
        await _vault(request).delete(caller_of(request).principal, key_id)
        return _back(request)


async def _vault_page(
    request: Request[Any, Any, Any],
    *,
    error: str | None = None,
    typed: dict[str, Any] | None = None,
    rotate_errors: dict[str, str] | None = None,
    tested: tuple[str, ConnectionReport] | None = None,
    code: str | None = None,
) -> Template:
    service = _vault(request)
    keys = await service.list(caller_of(request).principal)
    return form_page(
        request,
        "vault.html",
        title="API keys",
        status_code=422 if code else 200,
        code=code or "",
        context={
            "keys": keys,
            "providers": sorted(PROVIDERS.values(), key=lambda p: p.name),
            "scopes": SCOPES,
            "error": error,
            "typed": typed or {"scopes": []},
            "rotate_errors": rotate_errors or {},
            "tested": tested,
            "now": _keys(request).clock.now(),
        },
    )
