"""Plaid over its documented REST API (https://plaid.com/docs/api/), with httpx.

Every endpoint is a JSON POST carrying `client_id` and `secret` in the body; an error is an
HTTP 4xx/5xx whose body names `error_type` and `error_code`. This adapter maps them:

- ITEM_LOGIN_REQUIRED (and the other "log in again" codes)   -> ItemLoginRequired (409)
- error_type RATE_LIMIT_EXCEEDED, or HTTP 429                -> AggregatorRateLimited (429)
- HTTP 5xx, error_type API_ERROR / INSTITUTION_ERROR, timeouts -> AggregatorUnavailable (503)
- anything else (INVALID_INPUT, INVALID_REQUEST, ...)        -> AggregatorRefused (422)

Nothing here logs a request body: it holds the secret and the access token.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from adapters.tls import client_tls
from domain.aggregation.model import (
    AggregatorRateLimited,
    AggregatorRefused,
    AggregatorUnavailable,
    ItemLoginRequired,
)
from ports.aggregation.aggregation import (
    AccountsPage,
    ExchangedItem,
    LinkToken,
    ProviderAccount,
    ProviderHolding,
    ProviderTransaction,
    SyncPage,
)

HOSTS = {
    "sandbox": "https://sandbox.plaid.com",
    "production": "https://production.plaid.com",
}
LOGIN_CODES = frozenset({"ITEM_LOGIN_REQUIRED", "PENDING_EXPIRATION", "ACCESS_NOT_GRANTED"})
_UNAVAILABLE_TYPES = frozenset({"API_ERROR", "INSTITUTION_ERROR"})
SYNC_PAGE_SIZE = 250  # /transactions/sync's `count` (its maximum is 500)


def _decimal(value: Any) -> Decimal | None:
    """A JSON number as a Decimal from its text (never through a binary float's digits)."""
    if value is None:
        return None
    try:
        found = Decimal(str(value))
    except InvalidOperation:
        return None
    return found if found.is_finite() else None


def _money(value: Any) -> Decimal:
    found = _decimal(value)
    return found if found is not None else Decimal(0)


class PlaidAggregator:
    """AggregatorPort over Plaid's REST API at `base_url` (HOSTS, or a local replay)."""

    def __init__(
        self,
        client_id: str,
        secret: str,
        *,
        base_url: str = HOSTS["sandbox"],
        client_name: str = "Bulwark",
        products: tuple[str, ...] = ("investments", "transactions"),
        country_codes: tuple[str, ...] = ("US",),
        webhook_url: str | None = None,
        timeout: float = 15.0,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self._credentials = {"client_id": client_id, "secret": secret}
        self._client_name = client_name
        self._products = list(products)
        self._countries = list(country_codes)
        self._webhook = webhook_url
        self._http = http or httpx.AsyncClient(
            base_url=base_url, timeout=timeout, verify=client_tls()
        )

    def __repr__(self) -> str:
        return f"PlaidAggregator(base_url={str(self._http.base_url)!r})"

    async def aclose(self) -> None:
        await self._http.aclose()

    async def call(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST `body` (with the credentials) to `path`; the JSON answer or a domain error."""
        try:
            response = await self._http.post(path, json={**self._credentials, **body})
        except httpx.HTTPError as exc:
            raise AggregatorUnavailable(f"Plaid {path}: {type(exc).__name__}") from None
        try:
            # Amounts keep their decimal digits: JSON numbers are read as Decimal.
            answer = json.loads(response.content, parse_float=Decimal)
        except ValueError:
            answer = None
        if response.status_code == 200 and isinstance(answer, dict):
            return answer
        raise _error(path, response.status_code, answer if isinstance(answer, dict) else {})

    async def create_link_token(self, client_user_id: str) -> LinkToken:
        body: dict[str, Any] = {
            "client_name": self._client_name,
            "language": "en",
            "country_codes": self._countries,
            "user": {"client_user_id": client_user_id},
            "products": self._products,
        }
        if self._webhook:
            body["webhook"] = self._webhook
        answer = await self.call("/link/token/create", body)
        return LinkToken(str(answer["link_token"]), str(answer.get("expiration", "")))

    async def exchange_public_token(self, public_token: str) -> ExchangedItem:
        answer = await self.call("/item/public_token/exchange", {"public_token": public_token})
        return ExchangedItem(str(answer["item_id"]), str(answer["access_token"]))

    async def accounts(self, access_token: str) -> AccountsPage:
        answer = await self.call("/accounts/get", {"access_token": access_token})
        item = answer.get("item") or {}
        return AccountsPage(
            item.get("institution_id"), [_account(a) for a in answer.get("accounts", [])]
        )

    async def holdings(self, access_token: str) -> list[ProviderHolding]:
        answer = await self.call("/investments/holdings/get", {"access_token": access_token})
        securities = {s["security_id"]: s for s in answer.get("securities", [])}
        return [_holding(h, securities.get(h["security_id"], {})) for h in answer["holdings"]]

    async def sync_transactions(self, access_token: str, cursor: str | None) -> SyncPage:
        body: dict[str, Any] = {"access_token": access_token, "count": SYNC_PAGE_SIZE}
        if cursor:
            body["cursor"] = cursor
        answer = await self.call("/transactions/sync", body)
        return SyncPage(
            added=[_transaction(t) for t in answer.get("added", [])],
            modified=[_transaction(t) for t in answer.get("modified", [])],
            removed=[str(r["transaction_id"]) for r in answer.get("removed", [])],
            next_cursor=str(answer["next_cursor"]),
            has_more=bool(answer.get("has_more", False)),
        )

    async def remove_item(self, access_token: str) -> None:
        await self.call("/item/remove", {"access_token": access_token})

    async def verification_key(self, key_id: str) -> dict[str, Any]:
        """The JWK that signs webhooks with `key_id` (/webhook_verification_key/get)."""
        answer = await self.call("/webhook_verification_key/get", {"key_id": key_id})
        key: dict[str, Any] = answer["key"]
        return key


def _error(path: str, status: int, body: dict[str, Any]) -> Exception:
    error_type = str(body.get("error_type") or "")
    code = str(body.get("error_code") or "")
    what = f"Plaid {path}: {code or status}"
    message = body.get("display_message") or body.get("error_message")
    if message:
        what = f"{what} ({message})"
    if code in LOGIN_CODES:
        return ItemLoginRequired(what)
    if status == 429 or error_type == "RATE_LIMIT_EXCEEDED":
        return AggregatorRateLimited(what)
    if status >= 500 or error_type in _UNAVAILABLE_TYPES:
        return AggregatorUnavailable(what)
    return AggregatorRefused(what)


def _currency(record: dict[str, Any]) -> str | None:
    found = record.get("iso_currency_code") or record.get("unofficial_currency_code")
    return str(found) if found else None


def _account(raw: dict[str, Any]) -> ProviderAccount:
    balances = raw.get("balances") or {}
    return ProviderAccount(
        account_id=str(raw["account_id"]),
        name=str(raw.get("name") or raw.get("official_name") or ""),
        mask=raw.get("mask"),
        type=str(raw.get("type") or "other"),
        subtype=raw.get("subtype"),
        current_balance=_decimal(balances.get("current")),
        currency=_currency(balances),
    )


def _holding(raw: dict[str, Any], security: dict[str, Any]) -> ProviderHolding:
    return ProviderHolding(
        account_id=str(raw["account_id"]),
        security_id=str(raw["security_id"]),
        symbol=security.get("ticker_symbol"),
        name=security.get("name"),
        security_type=security.get("type"),
        quantity=_money(raw.get("quantity")),
        cost_basis=_decimal(raw.get("cost_basis")),
        institution_price=_money(raw.get("institution_price")),
        institution_value=_money(raw.get("institution_value")),
        currency=_currency(raw),
    )


def _transaction(raw: dict[str, Any]) -> ProviderTransaction:
    return ProviderTransaction(
        transaction_id=str(raw["transaction_id"]),
        account_id=str(raw["account_id"]),
        day=date.fromisoformat(str(raw["date"])),
        name=str(raw.get("merchant_name") or raw.get("name") or ""),
        amount=_money(raw.get("amount")),
        currency=_currency(raw),
        pending=bool(raw.get("pending", False)),
    )
