"""Where a venue departs from ccxt's unified behaviour, and the path the broker takes there.

ccxt unifies most calls, but a few parameters and answers still differ by exchange:

- Kraken takes a stop's trigger as `stopLossPrice` (its create_order ignores
  `triggerPrice`, which would go out as an unknown field).
- Kraken's create_order sends the client order id as `cl_ord_id`, but its fetch_order
  needs the venue's txid (a client id goes out as `userref`, a different, numeric field):
  an order is found by its client id in the open, then the closed orders' listings, which
  filter on `cl_ord_id`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Venue:
    """How the broker speaks to one exchange where ccxt's unified call does not serve."""

    trigger_param: str = "triggerPrice"
    client_id_by_listing: bool = False


UNIFIED = Venue()
VENUES = {"kraken": Venue(trigger_param="stopLossPrice", client_id_by_listing=True)}


def venue_of(exchange_id: str) -> Venue:
    return VENUES.get(exchange_id, UNIFIED)
