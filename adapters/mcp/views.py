"""What the tools read about the caller: its own agent and accounts, the room left under each
limit for an order of a symbol, and the trading states of its scopes."""

from __future__ import annotations

from adapters.mcp.current import bulwark
from adapters.mcp.decisions import plain, reasons_of
from adapters.mcp.gateway import BulwarkError, Json, Problem


async def own_agent() -> Json:
    """The caller's own agent (an agent's key sees only itself)."""
    agents = (await bulwark().whoami()).get("items", [])
    if not agents:
        raise usage("no agent answers to these credentials: name the agent_id")
    if len(agents) > 1:
        raise usage(f"{len(agents)} agents answer to these credentials: name the agent_id")
    found: Json = agents[0]
    return found


async def only_agent() -> str:
    return str((await own_agent())["agent_id"])


async def granted_accounts() -> list[str]:
    return [str(a) for a in (await own_agent()).get("account_ids", [])]


async def only_account() -> str:
    accounts = await granted_accounts()
    if not accounts:
        raise usage("no account is granted to you: name the account_id")
    if len(accounts) > 1:
        raise usage(
            f"you may trade {len(accounts)} accounts ({', '.join(accounts)}): name the account_id"
        )
    return accounts[0]


def usage(detail: str) -> BulwarkError:
    return BulwarkError(Problem(400, "VALIDATION_ERROR", "Missing argument", detail))


async def limits_of(account_id: str, symbol: str, side: str) -> Json:
    """The room left under each limit for an order of `symbol`, from a one-unit probe."""
    gateway = bulwark()
    account = await gateway.account(account_id)
    probe = {"account_id": account_id, "symbol": symbol, "side": side, "quantity": "1"}
    analysis = await gateway.analyze(probe)
    states = await gateway.trading_states()
    decision = analysis.get("decision", {})
    return {
        "account_id": account_id,
        "symbol": symbol,
        "side": side,
        "equity": account.get("equity"),
        "buying_power": account.get("buying_power"),
        "limits": [
            {
                "control": room.get("control"),
                "code": room.get("code"),
                "rule_id": room.get("rule_id"),
                "room_quantity": room.get("capacity"),
            }
            for room in analysis.get("headroom", [])
        ],
        "sector": analysis.get("sector"),
        "sector_limit": analysis.get("sector_limit"),
        "probe_approved": decision.get("approved"),
        "probe_reasons": reasons_of(decision.get("verdicts", [])),
        "trading_states": states.get("scopes", []),
    }


def limits_sentence(limits: Json) -> str:
    rooms = [
        f"{room['control']} allows {plain(room['room_quantity'])}" for room in limits["limits"]
    ]
    halted = [s for s in limits["trading_states"] if s.get("state") != "active"]
    text = f"{limits['side']} {limits['symbol']} on {limits['account_id']}: "
    text += "; ".join(rooms) if rooms else "no size limit binds it"
    text += f"; buying power {plain(limits['buying_power'])}."
    if halted:
        text += " " + states_sentence({"scopes": halted})
    return text


def states_sentence(states: Json) -> str:
    scopes = states.get("scopes", [])
    stopped = [s for s in scopes if s.get("state") != "active"]
    if not stopped:
        return f"Trading is active in all {len(scopes)} scopes that bind you."
    said = [
        f"{s['scope'].get('kind', 'scope')} {s['scope'].get('id') or ''} is {s['state']}".replace(
            "  ", " "
        )
        for s in stopped
    ]
    return "Not active: " + "; ".join(said) + "."
