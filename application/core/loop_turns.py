"""Long loops over what one client sent at once (a Kafka fetch of one account's orders, a
batch of submissions) hand the event loop back every few items, so the loop is held for a
bounded stretch whatever the batch's size: other requests, other accounts and the kill switch's
own tasks run in between.

On a durable store the loops' awaits reach the database and yield anyway; on the memory store
nothing in a decision or a paper send yields, and one account's batch of 128 orders held the
loop for 24 to 70 ms on the 2-core machine; with a turn every 16 orders, 5 to 7 ms (the
batch's commit and fills, in one piece). A halt latched by a task of the loop in between
binds the sends after it (tests/unit/trading/orders/test_order_batches.py).
"""

from __future__ import annotations

import asyncio

# Items between two turns: about 16 orders' decisions or sends, a few milliseconds.
ITEMS_PER_TURN = 16


async def turn_after(index: int, every: int = ITEMS_PER_TURN) -> None:
    """Give the event loop a turn before item `index` of a long loop, once every `every` items
    (never before the first)."""
    if index and index % every == 0:
        await asyncio.sleep(0)
