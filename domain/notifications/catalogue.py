"""The catalogue of notification event types: default priority, default channels, templates.

Priorities and channels are their wire names ("critical", "in_app"...). An event type that
is not in the catalogue (a new source) gets `FALLBACK`: NORMAL, in-app and WebSocket, and
the title/body the caller passed in its data ("title", "body"). docs/notifications.md lists
this table for users.
"""

from __future__ import annotations

from dataclasses import dataclass

LOW, NORMAL, HIGH, CRITICAL = "low", "normal", "high", "critical"
PRIORITIES = (LOW, NORMAL, HIGH, CRITICAL)
IN_APP, WEBSOCKET, EMAIL = "in_app", "websocket", "email"
CHANNELS = ("in_app", "websocket", "email", "webhook", "slack", "telegram", "sms", "web_push")
# Channels a user opts into by registering an endpoint: without one, nothing is planned there.
OPT_IN_CHANNELS = frozenset({"webhook", "slack", "telegram", "sms", "web_push"})
_LIVE = frozenset({IN_APP, WEBSOCKET})
# Trading news the user asked to follow: live, and pushed to a registered browser.
_FOLLOWED = frozenset({IN_APP, WEBSOCKET, "web_push"})
# Loud types go everywhere the user can be reached: their registered webhook, Slack and
# Telegram endpoints too (a user with none gets nothing there: those channels are opt-in).
_LOUD = frozenset(CHANNELS)


@dataclass(frozen=True, slots=True)
class EventType:
    """One kind of notification: its defaults and its templates ($field placeholders)."""

    name: str
    priority: str
    channels: frozenset[str]
    title: str
    body: str
    description: str
    # The templates of one notification that stands for several events of this type (the
    # fill path's digests: application/notifications/fill_notices.py); "": none, each alone.
    digest_title: str = ""
    digest_body: str = ""


def _t(
    name: str,
    priority: str,
    channels: frozenset[str],
    title: str,
    body: str,
    what: str,
    digest: tuple[str, str] = ("", ""),
) -> EventType:
    return EventType(name, priority, channels, title, body, what, *digest)


CATALOGUE: dict[str, EventType] = {
    e.name: e
    for e in (
        _t(
            "killswitch.activated",
            CRITICAL,
            _LOUD,
            "$title",
            "$body",
            "Trading was halted by the kill switch (any trigger).",
        ),
        _t(
            "margin.call",
            CRITICAL,
            _LOUD,
            "$title",
            "$body",
            "Equity fell below the maintenance requirement; trading halted.",
        ),
        _t(
            "orders.in_doubt",
            CRITICAL,
            _LOUD,
            "$title",
            "$body",
            "Approved orders never acknowledged by their broker could not be resolved.",
        ),
        _t(
            "rebalance.autopilot",
            NORMAL,
            _LIVE,
            "$title",
            "$body",
            "The rebalancing autopilot executed a proposal, or held one back at a limit.",
        ),
        _t(
            "aggregation.item_error",
            NORMAL,
            _LIVE,
            "$title",
            "$body",
            "An institution linked through the aggregator needs attention (log in again).",
        ),
        _t(
            "reconciliation.drift",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "An account's venue and Bulwark disagree on its positions or working orders.",
        ),
        _t(
            "drill.failed",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "A scheduled kill-switch drill failed: to its owner and the risk officers.",
        ),
        _t(
            "margin.warning",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "Equity is close to the maintenance requirement.",
        ),
        _t(
            "agent.dead",
            CRITICAL,
            _LOUD,
            "$title",
            "$body",
            "An agent's heartbeat was lost; its trading was halted.",
        ),
        _t(
            "succession.step",
            CRITICAL,
            _LOUD,
            "$title",
            "$body",
            "A succession step: the grace period started, the succession executed.",
        ),
        _t(
            "order.denied",
            NORMAL,
            _LIVE,
            "Order $order_id denied",
            "Order $order_id on account $account_id was denied: $reasons.",
            "The risk gate denied an order.",
        ),
        _t(
            "order.held",
            HIGH,
            _FOLLOWED,
            "Order $order_id held for approval",
            "Order $order_id on account $account_id ($side $quantity $symbol) is held for a "
            "person's approval until $expires_at: $reasons.",
            "A HOLD rule held an order for a person's approval (to the owner and the desk).",
        ),
        _t(
            "order.rejected",
            NORMAL,
            _LIVE,
            "Order $order_id rejected",
            "The broker rejected order $order_id on account $account_id: $reason.",
            "A broker rejected an order.",
        ),
        _t(
            "order.filled",
            NORMAL,
            _FOLLOWED,
            "$side $filled_quantity $symbol filled",
            "Order $order_id on account $account_id: $filled_quantity of $quantity $symbol "
            "filled at $price ($status).",
            "A broker filled an order, in part or whole.",
            (
                "$count orders filled on account $account_id",
                "$count orders on account $account_id were filled, in part or whole: $orders.",
            ),
        ),
        _t(
            "position.changed",
            LOW,
            _LIVE,
            "$symbol position $change",
            "A $side fill of $quantity $symbol at $price moved the position on account "
            "$account_id.",
            "A booked fill moved a position (opened, added to, reduced, closed).",
            (
                "$symbol position $change",
                "$fills fills of $symbol ($bought bought, $sold sold) moved the position on "
                "account $account_id from $before to $position.",
            ),
        ),
        _t(
            "strategy.error",
            HIGH,
            _LOUD,
            "Strategy $strategy_id failed",
            "Strategy $strategy_id on account $account_id could not decide on signal "
            "$signal_id: $error",
            "A strategy raised while deciding on a signal; it keeps running on the next one.",
        ),
        _t(
            "price.alert",
            HIGH,
            frozenset({IN_APP, WEBSOCKET, EMAIL, "web_push", "sms"}),
            "$symbol $direction $threshold",
            "$symbol traded at $price, $direction your alert at $threshold.",
            "A price alert the user set crossed its threshold.",
        ),
        _t(
            "provider.failover",
            HIGH,
            _LIVE,
            "$title",
            "$body",
            "The market-data feed switched provider.",
        ),
        _t(
            "ops.alert",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "A Prometheus alert relayed by Alertmanager, firing or resolved: the desk.",
        ),
        _t(
            "stream.alert",
            HIGH,
            _LIVE,
            "$title",
            "$body",
            "Event-stream latency or consumer lag over its threshold.",
        ),
        _t(
            "filing.due",
            NORMAL,
            _LOUD,
            "Filing due: $filing",
            "$filing is due on $due_on.",
            "A filing deadline from the filing calendar's reminders.",
        ),
        _t(
            "security.alert",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "Account security: lockouts, new sessions, MFA and password changes.",
        ),
        _t(
            "security.new_device",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "A sign-in from a new device, or an unusual one, with the traits that were unusual.",
        ),
        _t(
            "notice",
            LOW,
            _LIVE,
            "$title",
            "$body",
            "Informational notices (held for the digest when digests are on).",
        ),
        _t(
            "succession.reminder",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "Check in before the succession deadline.",
        ),
        _t(
            "succession.heir",
            NORMAL,
            frozenset({EMAIL}),
            "$title",
            "$body",
            "To a beneficiary's contact address when a succession executes.",
        ),
        _t(
            "account.token",
            NORMAL,
            frozenset({EMAIL}),
            "$title",
            "$body",
            "A one-time token (invitation, password reset): email only, body sealed.",
        ),
        _t(
            "surveillance.alert",
            CRITICAL,
            _LOUD,
            "$title",
            "$body",
            "A HIGH surveillance alert on our own order flow: desk and owner.",
        ),
        _t(
            "model.drift",
            HIGH,
            _LOUD,
            "$title",
            "$body",
            "A model's inputs drifted from its reference window (PSI past the threshold).",
        ),
        _t("alert", HIGH, _LOUD, "$title", "$body", "Warnings without a more specific type."),
        _t("digest", NORMAL, _LOUD, "$title", "$body", "The digest of held low-priority notices."),
        _t(
            "notification.test",
            NORMAL,
            _LOUD,
            "$title",
            "$body",
            "A test message: `bulwark notifications send-test`, an endpoint's test.",
        ),
    )
}

FALLBACK = EventType("", NORMAL, _LIVE, "$title", "$body", "An event type not in the catalogue.")

# Types that are CRITICAL whatever the caller says (they bypass quiet hours and go to every
# enabled channel): kill switch, margin call, succession step, agent dead.
ALWAYS_CRITICAL = frozenset(
    {"killswitch.activated", "margin.call", "succession.step", "agent.dead"}
)


def event_type(name: str) -> EventType:
    return CATALOGUE.get(name, FALLBACK)


def effective_priority(name: str, requested: str | None) -> str:
    """The caller's priority, else the type's default; the always-critical types stay critical."""
    if name in ALWAYS_CRITICAL:
        return CRITICAL
    if requested in PRIORITIES:
        return requested
    return event_type(name).priority
