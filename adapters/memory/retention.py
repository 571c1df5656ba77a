"""Bounded in-memory state: the in-memory store forgets its oldest finished orders.

The in-memory store (tests, benchmarks, `BULWARK_STORE=memory`) kept every order, fill and
command id for the life of the process. Besides the memory, each of those objects is
walked by every full garbage collection, so a process that decided orders for a while
paused longer and longer (296 ms after ~90 s at 1,500 orders/s, benchmarks/bench_latency).
With a retention, once more than `keep` (+10 %) orders are stored the oldest terminal
ones are dropped with their idempotency keys and client order ids, the oldest fills
beyond `keep`, and the oldest command ids beyond `keep`: open orders always stay. What is
dropped is gone as it would be past a retention window: an idempotency key or command id
older than the window is no longer recognised. PostgreSQL and SQLite keep everything.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from adapters.memory.store import InMemoryStore

SLACK = 1.1  # prune once the store is this much over `keep`, so pruning is amortised


def over(store: InMemoryStore) -> bool:
    keep = store.max_orders
    return keep is not None and (
        len(store.orders) > keep * SLACK
        or len(store.fills) > keep * SLACK
        or len(store.inbox) > keep * SLACK
    )


def prune(store: InMemoryStore) -> int:
    """Drop what is beyond the retention (see the module docstring); returns orders dropped."""
    keep = store.max_orders
    if keep is None:
        return 0
    dropped = 0
    excess = len(store.orders) - keep
    if excess > 0:
        doomed = [o for o in islice(store.orders.values(), excess * 2) if o.is_terminal][:excess]
        for order in doomed:
            del store.orders[order.id]
            store.client_ids.pop((order.account_id, order.client_order_id), None)
            if order.idempotency_key:
                store.order_keys.pop((order.account_id, order.idempotency_key), None)
        dropped = len(doomed)
    extra = len(store.fills) - keep
    if extra > 0:
        for key in list(islice(store.fills, extra)):
            fill = store.fills.pop(key)
            held = store.account_fills.get(fill.account_id)
            if held is not None:
                held.pop(key, None)
                if not held:
                    del store.account_fills[fill.account_id]
    extra = len(store.inbox) - keep
    if extra > 0:
        for key in list(islice(store.inbox, extra)):
            del store.inbox[key]
    return dropped
