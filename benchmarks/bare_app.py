"""The bench's baseline: a bare Litestar endpoint that only decodes and echoes the order JSON."""

from __future__ import annotations

from decimal import Decimal

import msgspec
from litestar import Litestar, post
from litestar.params import JSONBody


class EchoOrder(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    account_id: str
    symbol: str
    side: str
    quantity: Decimal
    order_type: str = "market"


@post("/api/v1/orders", status_code=201)
async def echo(data: JSONBody[EchoOrder]) -> EchoOrder:
    return data


def create_app() -> Litestar:
    return Litestar([echo])
