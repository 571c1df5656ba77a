"""Demo data: users, an account, priced instruments and an agent, to trade at once."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from adapters.memory.marketdata import InMemoryMarketData
from application.identity.apikeys import CreatedApiKey
from application.safety.agents import RegisterAgent
from domain.errors import ConcurrentUpdate, Conflict
from domain.principals import Principal, Role
from domain.trading.account_profile import AccountType, TradingType
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts

D = Decimal
DEMO_INSTRUMENTS = (
    ("AAPL", "Tech", "190.00"),
    ("MSFT", "Tech", "410.00"),
    ("NVDA", "Tech", "125.00"),
    ("XOM", "Energy", "110.00"),
    ("JPM", "Financials", "205.00"),
    ("JNJ", "Health", "155.00"),
    ("SPY", "Index", "560.00"),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    passcode: str
    role: Role


DEMO_OWNER = DemoUser("demo", "demo-password-1", "demo-passcode", Role.OWNER)
DEMO_RISK = DemoUser("risk", "risk-password-1", "risk-passcode", Role.RISK_OFFICER)
# Reference data (instrument imports and edits) and user management are an admin's.
DEMO_ADMIN = DemoUser("admin", "admin-password-1", "admin-passcode", Role.ADMIN)
# A desk observer: reads what the risk officer reads, changes nothing (no kill-switch passcode).
DEMO_VIEWER = DemoUser("viewer", "viewer-password-1", "", Role.VIEWER)
DEMO_ACCOUNT = "demo-account"
DEMO_AGENT = "demo-agent"


@dataclass(frozen=True)
class DemoData:
    owner_id: str
    risk_officer_id: str
    account_id: str
    agent_key: CreatedApiKey | None


def set_demo_prices(market: InMemoryMarketData) -> None:
    """The demo instruments' prices on this process's board (they are not in the store)."""
    for symbol, _, price in DEMO_INSTRUMENTS:
        market.set_price(symbol, D(price))


async def load_demo(container: Contexts) -> DemoData:
    """Idempotent: a second run finds the demo users and leaves everything as it is.

    Several workers (BULWARK_WORKERS) load it at once on one store: each user is made by
    whichever gets there first (the username is unique); the worker that made the owner makes
    the demo's agent and its key, once; every worker finds the demo account (or writes it, the
    same row) and opens it at its own paper broker.
    """
    auth = container.core.auth()
    ids: dict[str, str] = {}
    made_owner = False
    for user in (DEMO_OWNER, DEMO_RISK, DEMO_ADMIN, DEMO_VIEWER):
        try:
            view = await auth.create_user(user.username, user.password, user.role)
        except (Conflict, ConcurrentUpdate):  # there already, or made by another worker now
            async with container.core.uow_factory()() as uow:
                found = await uow.users.by_username(user.username)
            if found is None:  # a username that clashes only after normalising
                raise Conflict(
                    f"demo user {user.username!r} clashes with an existing user"
                ) from None
            ids[user.username] = found.id
            continue
        ids[user.username] = view.id
        made_owner = made_owner or user is DEMO_OWNER
        if user.passcode:
            await container.safety.killswitch().set_passcode(
                Principal(view.id, user.role), user.passcode
            )
    owner = Principal(ids[DEMO_OWNER.username], Role.OWNER)
    set_demo_prices(container.core.market())  # prices and the paper broker live in the process
    account = await _demo_account(container, owner.id)
    with contextlib.suppress(ValueError):  # already open in this process
        container.core.paper_broker().seed_account(DEMO_ACCOUNT, account.cash)
    if not made_owner:
        return DemoData(owner.id, ids[DEMO_RISK.username], DEMO_ACCOUNT, None)
    await container.safety.agents().register_agent(
        RegisterAgent(owner, DEMO_AGENT, "Demo agent", (DEMO_ACCOUNT,))
    )
    key = await container.core.api_keys().create(owner, DEMO_AGENT, "demo")
    return DemoData(owner.id, ids[DEMO_RISK.username], DEMO_ACCOUNT, key)


async def _demo_account(container: Contexts, owner_id: str) -> Account:
    """The demo account as stored; written with the instruments when there is none (two
    workers writing it at once write the same row)."""
    async with container.core.uow_factory()() as uow:
        stored: Account | None = await uow.accounts.get(DEMO_ACCOUNT)
    if stored is not None:
        return stored
    cash = D(1_000_000)
    account = Account(
        DEMO_ACCOUNT,
        owner_id,
        cash,
        start_of_day_equity=cash,
        peak_equity=cash,
        name="Demo margin account",
        account_type=AccountType.TAXABLE,
        trading_type=TradingType.MARGIN,
        created_at=container.core.clock().now(),
    )
    try:
        async with container.core.uow_factory()() as uow:
            for symbol, sector, _ in DEMO_INSTRUMENTS:
                if await uow.instruments.get(symbol) is None:
                    await uow.instruments.add(Instrument(symbol, sector=sector))
            await uow.accounts.add(account)
            await uow.commit()
    except (Conflict, ConcurrentUpdate):  # another worker stored it first
        async with container.core.uow_factory()() as uow:
            stored = await uow.accounts.get(DEMO_ACCOUNT)
        if stored is None:
            raise
        return stored
    return account
