"""The Bulwark that bench_http drives: `bulwark serve --demo` with more accounts to trade.

The demo owns one account; bench_http spreads its orders over BENCH_ACCOUNTS accounts (the
demo's and `bench-1` ... `bench-15`), opened for the demo owner once the demo is loaded,
here and at the paper broker. Everything else is the app `bulwark serve` runs.
Run by uvicorn: `uvicorn --factory benchmarks.bench_http_app:create_app`.
"""

from __future__ import annotations

import contextlib
import os
from decimal import Decimal

from litestar import Litestar

from bootstrap.app import create_app as create_bulwark_app
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from bootstrap.logging import configure_logging
from bootstrap.settings import load_settings
from domain.trading.accounts import Account

CASH = Decimal(10_000_000)
ACCOUNTS_ENV = "BENCH_ACCOUNTS"


def account_ids(count: int) -> list[str]:
    """The accounts orders are spread over: the demo's first."""
    return [DEMO_ACCOUNT, *(f"bench-{i}" for i in range(1, count))]


async def open_accounts(container: ApplicationContainer, count: int) -> None:
    """The bench accounts beyond the demo's, for the demo owner (kept when already there)."""
    async with container.core.uow_factory()() as uow:
        owner = await uow.users.by_username(DEMO_OWNER.username)
        if owner is None:
            raise RuntimeError("the demo owner is missing: serve with BULWARK_DEMO=true")
        for account_id in account_ids(count)[1:]:
            if await uow.accounts.get(account_id) is None:
                await uow.accounts.add(
                    Account(account_id, owner.id, CASH, start_of_day_equity=CASH, peak_equity=CASH)
                )
        await uow.commit()
    for account_id in account_ids(count)[1:]:
        with contextlib.suppress(ValueError):  # already open at the paper broker
            container.core.paper_broker().seed_account(account_id, CASH)


def create_app() -> Litestar:
    settings = load_settings()
    configure_logging(settings.core.log_level, settings.core.log_format)
    container = build_container(settings)
    app = create_bulwark_app(settings, container)
    count = int(os.environ.get(ACCOUNTS_ENV, "16"))

    async def seed() -> None:
        await open_accounts(container, count)

    app.on_startup.append(seed)  # after the lifespan: the demo is loaded by then
    return app
