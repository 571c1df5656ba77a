"""Rebalance proposals and autopilot limits on SQL; a proposal's body is JSON, decimals as
strings (exact), dates ISO."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from adapters.postgres.repos.base import upsert
from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.rebalancing import rebalance_limits, rebalance_proposals
from domain.errors import Conflict
from domain.rebalancing.proposal import LotSale, Proposal, RebalanceSettings, Trade, Unresolved
from ports.rebalancing.rebalancing import AutopilotLimits, ProposalStatus, StoredProposal

_P = rebalance_proposals
_L = rebalance_limits


def proposal_json(p: Proposal) -> str:
    def sale(s: LotSale) -> dict[str, Any]:
        return {"account_id": s.account_id, "lot_id": s.lot_id, "symbol": s.symbol,
                "quantity": str(s.quantity), "proceeds": str(s.proceeds), "basis": str(s.basis),
                "term": s.term}  # fmt: skip

    body = {
        "trade_day": p.trade_day.isoformat(),
        "band": str(p.settings.band),
        "fractional": p.settings.fractional,
        "value": str(p.value),
        "lot_method": p.lot_method,
        "trades": [
            {
                "account_id": t.account_id,
                "symbol": t.symbol,
                "side": t.side,
                "quantity": str(t.quantity),
                "price": str(t.price),
                "lots": [sale(s) for s in t.lots],
            }
            for t in p.trades
        ],
        "unresolved": [
            {"symbol": u.symbol, "reason": u.reason, "drift_weight": str(u.drift_weight)}
            for u in p.unresolved
        ],
        "wash_free_after": {s: d.isoformat() for s, d in p.wash_free_after.items()},
    }
    return json.dumps(body, separators=(",", ":"))


def proposal_of(text: str) -> Proposal:
    body = json.loads(text)
    trades = tuple(
        Trade(t["account_id"], t["symbol"], t["side"], Decimal(t["quantity"]), Decimal(t["price"]),
              tuple(LotSale(s["account_id"], s["lot_id"], s["symbol"], Decimal(s["quantity"]),
                            Decimal(s["proceeds"]), Decimal(s["basis"]), s["term"])
                    for s in t["lots"]))
        for t in body["trades"]
    )  # fmt: skip
    return Proposal(
        trade_day=date.fromisoformat(body["trade_day"]),
        settings=RebalanceSettings(Decimal(body["band"]), bool(body["fractional"])),
        value=Decimal(body["value"]),
        trades=trades,
        unresolved=tuple(
            Unresolved(u["symbol"], u["reason"], Decimal(u["drift_weight"]))
            for u in body["unresolved"]
        ),
        wash_free_after={s: date.fromisoformat(d) for s, d in body["wash_free_after"].items()},
        lot_method=body["lot_method"],
    )


def _stored(row: Any) -> StoredProposal:
    return StoredProposal(
        id=row.id,
        owner_id=row.owner_id,
        portfolio_id=row.portfolio_id,
        created_at=row.created_at,
        proposal=proposal_of(row.body),
        status=ProposalStatus(row.status),
        executed_at=row.executed_at,
        order_ids=tuple(json.loads(row.order_ids)),
        by_autopilot=bool(row.by_autopilot),
    )


def _limits(row: Any) -> AutopilotLimits:
    return record(AutopilotLimits, row)


class SqlRebalanceStore(EngineStore):
    """A RebalanceStore on SQL (ports/rebalancing/rebalancing.py)."""

    async def add(self, proposal: StoredProposal) -> None:
        row = row_of(
            proposal,
            _P,
            order_ids=json.dumps(list(proposal.order_ids)),
            body=proposal_json(proposal.proposal),
        )

        try:
            await self._change(insert(_P).values(**row))
        except IntegrityError as exc:
            raise Conflict(f"proposal {proposal.id} exists") from exc

    async def get(self, proposal_id: str) -> StoredProposal | None:
        return await self._read_one(select(_P).where(_P.c.id == proposal_id), _stored)

    async def mark_executed(self, proposal_id: str, at: datetime, order_ids: Sequence[str]) -> bool:
        query = (
            update(_P)
            .where(_P.c.id == proposal_id, _P.c.status == ProposalStatus.PROPOSED.value)
            .values(
                status=ProposalStatus.EXECUTED.value,
                executed_at=at,
                order_ids=json.dumps(list(order_ids)),
            )
        )
        return await self._change(query) == 1

    async def limits(self, owner_id: str) -> AutopilotLimits | None:
        return await self._read_one(select(_L).where(_L.c.owner_id == owner_id), _limits)

    async def put_limits(self, limits: AutopilotLimits) -> None:
        row = row_of(limits, _L)
        await self._write(lambda conn: upsert(conn, _L, row, ("owner_id",)))

    async def all_limits(self) -> list[AutopilotLimits]:
        return [_limits(r) for r in await self._read(select(_L).order_by(_L.c.owner_id))]
