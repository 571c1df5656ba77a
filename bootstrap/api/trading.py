"""Trading's API: accounts, orders, risk rules, instruments, agents and margin."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.admission import order_admission
from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "trading",
        accounts=w.trading.accounts,
        orders=w.trading.orders,
        risk=w.trading.risk,
        account_admin=w.trading.account_admin,
        account_sync=w.trading.account_sync,
        instruments=w.trading.instruments,
        agents=w.safety.agents,
        api_keys=w.core.api_keys,
        margin=w.safety.margin,
        idempotency=w.idempotency,
        held_orders=w.trading.held_orders,
        attribution=w.trading.attribution_export,
        admission=providers.Singleton(
            order_admission, w.core.settings.provided.http.admission_max_wait_ms
        ),
    )
