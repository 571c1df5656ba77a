"""The aggregator's webhooks: verified, delivered at most once, acted on.

- HOLDINGS DEFAULT_UPDATE: the holdings snapshot is read again.
- TRANSACTIONS SYNC_UPDATES_AVAILABLE: transactions are synced from the stored cursor.
- ITEM ERROR: the item is marked (ITEM_LOGIN_REQUIRED: login required) and its owner told.
- Anything else is acknowledged and ignored.

A webhook for an item not linked here (removed since) is acknowledged: the aggregator would
otherwise retry it. A redelivered body (same SHA-256) is acknowledged without acting again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from application.aggregation.service import AggregationService
from domain.aggregation.model import ItemStatus
from domain.errors import DomainError
from ports.aggregation.aggregation import AggregationStore, WebhookVerifier
from ports.core.events import Notification, Notifier


class WebhookOutcome(StrEnum):
    HOLDINGS_REFRESHED = "holdings_refreshed"
    TRANSACTIONS_SYNCED = "transactions_synced"
    ITEM_MARKED = "item_marked"
    DUPLICATE = "duplicate"
    UNKNOWN_ITEM = "unknown_item"
    IGNORED = "ignored"
    FAILED = "failed"  # verified and recorded, but the refresh it asked for failed


@dataclass(frozen=True, slots=True)
class WebhookResult:
    outcome: WebhookOutcome
    item_id: str | None = None


@dataclass(eq=False)
class AggregationWebhooks:
    verifier: WebhookVerifier
    store: AggregationStore
    service: AggregationService
    notifier: Notifier | None = None

    async def receive(self, body: bytes, signature: str | None) -> WebhookResult:
        """InvalidWebhook when the signature does not check out (nothing is acted on)."""
        event = await self.verifier.verify(body, signature)
        item = await self.store.item_by_provider_id(event.provider_item_id)
        if item is None:
            return WebhookResult(WebhookOutcome.UNKNOWN_ITEM)
        if not await self.store.claim_webhook(event.body_sha256):
            return WebhookResult(WebhookOutcome.DUPLICATE, item.id)
        kind = (event.webhook_type, event.webhook_code)
        try:
            if kind == ("HOLDINGS", "DEFAULT_UPDATE"):
                await self.service.refresh(item, transactions=False)
                return WebhookResult(WebhookOutcome.HOLDINGS_REFRESHED, item.id)
            if kind == ("TRANSACTIONS", "SYNC_UPDATES_AVAILABLE"):
                await self.service.refresh(item, holdings=False)
                return WebhookResult(WebhookOutcome.TRANSACTIONS_SYNCED, item.id)
        except DomainError:
            return WebhookResult(WebhookOutcome.FAILED, item.id)
        if kind == ("ITEM", "ERROR"):
            code = event.error_code or "ITEM_ERROR"
            status = (
                ItemStatus.LOGIN_REQUIRED if code == "ITEM_LOGIN_REQUIRED" else ItemStatus.ERROR
            )
            await self.store.save_item(replace(item, status=status, error_code=code))
            if self.notifier is not None:
                await self.notifier.notify(
                    Notification(
                        recipient=item.owner_id,
                        subject="A linked institution needs attention",
                        body=(
                            f"{item.institution_name or item.institution_id or 'An institution'}"
                            f" reported {code}: link it again to keep its accounts current."
                        ),
                        event_type="aggregation.item_error",
                    )
                )
            return WebhookResult(WebhookOutcome.ITEM_MARKED, item.id)
        return WebhookResult(WebhookOutcome.IGNORED, item.id)
