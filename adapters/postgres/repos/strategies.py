"""Strategies, their decision log and holdings on SQL, each call in its own short transaction.

A definition's parts are JSON documents; their numbers are decimal strings, so a Decimal comes
back exactly as it went in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import and_, delete, desc, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import insert_for
from adapters.postgres.rows import decimal_or_none, decimal_text, record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.strategies import strategies, strategy_decisions, strategy_holdings
from adapters.postgres.types import UtcDateTime
from domain.errors import ConcurrentUpdate
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.strategies.decide import Action, ExitReason, Holding
from domain.strategies.definition import (
    Combine,
    Combiner,
    EntryRules,
    ExitRules,
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    Strategy,
    StrategyMode,
)
from domain.trading.orders import Side
from ports.strategies.strategies import (
    Decision,
    DecisionCursor,
    SizingInputs,
    StrategyHolding,
    Verdict,
)


# -- strategies ----------------------------------------------------------------------------
def strategy_row(strategy: Strategy) -> dict[str, Any]:
    sizing, entry, exit_ = strategy.sizing, strategy.entry, strategy.exit
    return row_of(
        strategy,
        strategies,
        account_ids=list(strategy.account_ids),
        sources=[
            {
                "kind": s.kind.value,
                "symbols": sorted(s.symbols),
                "timeframe": None if s.timeframe is None else s.timeframe.value,
                "pattern": None if s.pattern is None else s.pattern.value,
                "name": s.name,
                "weight": s.weight,
                "window_hours": s.window_hours,
                "min_items": s.min_items,
            }
            for s in strategy.sources
        ],
        sizing={
            "method": sizing.method.value,
            "risk_fraction": str(sizing.risk_fraction),
            "max_position_fraction": str(sizing.max_position_fraction),
            "volatility_multiple": str(sizing.volatility_multiple),
            "notional": decimal_text(sizing.notional),
        },
        entry={
            "min_score": entry.min_score,
            "allow_short": entry.allow_short,
            "combine": entry.combine.value,
            "reading_max_age_hours": entry.reading_max_age_hours,
            "combiner": entry.combiner.value,
            "training_bars": entry.training_bars,
            "refit_bars": entry.refit_bars,
        },
        exit={
            "stop_loss_fraction": decimal_text(exit_.stop_loss_fraction),
            "stop_loss_atr": decimal_text(exit_.stop_loss_atr),
            "take_profit_fraction": decimal_text(exit_.take_profit_fraction),
            "exit_score": exit_.exit_score,
            "max_holding_bars": exit_.max_holding_bars,
        },
    )


def strategy_of(row: Any) -> Strategy:
    sizing, entry, exit_ = row.sizing, row.entry, row.exit
    return record(
        Strategy,
        row,
        account_ids=tuple(row.account_ids),
        sources=tuple(
            SignalSource(
                kind=SourceKind(s["kind"]),
                symbols=frozenset(s.get("symbols") or ()),
                timeframe=Timeframe(s["timeframe"]) if s.get("timeframe") else None,
                pattern=Pattern(s["pattern"]) if s.get("pattern") else None,
                name=s.get("name"),
                weight=float(s.get("weight", 1.0)),
                window_hours=s.get("window_hours"),
                min_items=s.get("min_items"),
            )
            for s in row.sources
        ),
        sizing=SizingPolicy(
            method=SizingMethod(sizing["method"]),
            risk_fraction=Decimal(sizing["risk_fraction"]),
            max_position_fraction=Decimal(sizing["max_position_fraction"]),
            volatility_multiple=Decimal(sizing["volatility_multiple"]),
            notional=decimal_or_none(sizing.get("notional")),
        ),
        entry=EntryRules(
            min_score=float(entry["min_score"]),
            allow_short=entry["allow_short"],
            combine=Combine(entry.get("combine", Combine.EACH.value)),
            reading_max_age_hours=float(entry.get("reading_max_age_hours", 24.0)),
            combiner=Combiner(entry.get("combiner", Combiner.STATED.value)),
            training_bars=int(entry.get("training_bars", 250)),
            refit_bars=int(entry.get("refit_bars", 20)),
        ),
        exit=ExitRules(
            stop_loss_fraction=decimal_or_none(exit_.get("stop_loss_fraction")),
            stop_loss_atr=decimal_or_none(exit_.get("stop_loss_atr")),
            take_profit_fraction=decimal_or_none(exit_.get("take_profit_fraction")),
            exit_score=exit_.get("exit_score"),
            max_holding_bars=exit_.get("max_holding_bars"),
        ),
        mode=StrategyMode(row.mode),
    )


class SqlStrategyRepository(EngineStore):
    """A StrategyRepository on the `strategies` table; `update` checks the version in SQL."""

    async def get(self, strategy_id: str) -> Strategy | None:
        query = select(strategies).where(strategies.c.id == strategy_id)
        return await self._read_one(query, strategy_of)

    async def add(self, strategy: Strategy) -> None:
        async def work(conn: AsyncConnection) -> None:
            statement = (
                insert_for(conn)(strategies)
                .values(strategy_row(strategy))
                .on_conflict_do_nothing()
                .returning(strategies.c.id)
            )
            if (await conn.execute(statement)).first() is None:
                raise ConcurrentUpdate(f"strategy {strategy.id} exists already")

        await self._write(work)

    async def update(self, strategy: Strategy) -> Strategy:
        row = strategy_row(strategy)
        row["version"] = strategy.version + 1
        del row["id"], row["created_at"]

        async def work(conn: AsyncConnection) -> None:
            result = await conn.execute(
                update(strategies)
                .where(strategies.c.id == strategy.id)
                .where(strategies.c.version == strategy.version)
                .values(row)
            )
            if result.rowcount != 1:
                raise ConcurrentUpdate(f"strategy {strategy.id} was changed since it was read")

        await self._write(work)
        stored = await self.get(strategy.id)
        if stored is None:
            raise ConcurrentUpdate(f"strategy {strategy.id} was removed")
        return stored

    async def list_by_owner(self, owner_id: str) -> list[Strategy]:
        query = (
            select(strategies)
            .where(strategies.c.owner_id == owner_id)
            .order_by(strategies.c.created_at, strategies.c.id)
        )
        return [strategy_of(r) for r in await self._read(query)]

    async def list_active(self) -> list[Strategy]:
        query = (
            select(strategies)
            .where(strategies.c.mode != StrategyMode.OFF.value)
            .order_by(strategies.c.created_at, strategies.c.id)
        )
        return [strategy_of(r) for r in await self._read(query)]


# -- decisions -----------------------------------------------------------------------------
def decision_row(decision: Decision) -> dict[str, Any]:
    sizing = decision.sizing
    return row_of(
        decision,
        strategy_decisions,
        sizing=None
        if sizing is None
        else {
            "method": sizing.method,
            "equity": str(sizing.equity),
            "price": str(sizing.price),
            "atr": decimal_text(sizing.atr),
            "explanation": sizing.explanation,
        },
        verdict_reasons=list(decision.verdict_reasons),
    )


def decision_of(row: Any) -> Decision:
    sizing = row.sizing
    return record(
        Decision,
        row,
        mode=StrategyMode(row.mode),
        score=None if row.score is None else float(row.score),
        price=decimal_or_none(row.price),
        action=Action(row.action),
        side=None if row.side is None else Side(row.side),
        quantity=Decimal(str(row.quantity)),
        stop=decimal_or_none(row.stop),
        take_profit=decimal_or_none(row.take_profit),
        exit_reason=None if row.exit_reason is None else ExitReason(row.exit_reason),
        sizing=None
        if sizing is None
        else SizingInputs(
            method=sizing["method"],
            equity=Decimal(sizing["equity"]),
            price=Decimal(sizing["price"]),
            atr=decimal_or_none(sizing.get("atr")),
            explanation=sizing.get("explanation", ""),
        ),
        verdict=Verdict(row.verdict),
        verdict_reasons=tuple(row.verdict_reasons or ()),
    )


class SqlDecisionLog(EngineStore):
    """A DecisionLog on `strategy_decisions`; the unique key makes `claim` a single INSERT."""

    async def claim(self, decision: Decision) -> bool:
        async def work(conn: AsyncConnection) -> bool:
            statement = (
                insert_for(conn)(strategy_decisions)
                .values(decision_row(decision))
                .on_conflict_do_nothing()
                .returning(strategy_decisions.c.id)
            )
            return (await conn.execute(statement)).first() is not None

        return await self._write(work)

    async def complete(
        self,
        decision_id: str,
        verdict: Verdict,
        reasons: tuple[str, ...] = (),
        order_id: str | None = None,
    ) -> None:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                update(strategy_decisions)
                .where(strategy_decisions.c.id == decision_id)
                .values(verdict=verdict.value, verdict_reasons=list(reasons), order_id=order_id)
            )

        await self._write(work)

    async def get(self, decision_id: str) -> Decision | None:
        query = select(strategy_decisions).where(strategy_decisions.c.id == decision_id)
        return await self._read_one(query, decision_of)

    async def page(
        self, strategy_id: str, after: DecisionCursor | None = None, limit: int = 50
    ) -> list[Decision]:
        table = strategy_decisions
        query = select(table).where(table.c.strategy_id == strategy_id)
        if after is not None:
            at = literal(after.decided_at, UtcDateTime())
            query = query.where(
                or_(
                    table.c.decided_at < at,
                    and_(table.c.decided_at == at, table.c.id < after.decision_id),
                )
            )
        query = query.order_by(desc(table.c.decided_at), desc(table.c.id)).limit(max(0, limit))
        return [decision_of(r) for r in await self._read(query)]


# -- holdings ------------------------------------------------------------------------------
def holding_row(held: StrategyHolding) -> dict[str, Any]:
    return row_of(
        held.holding,
        strategy_holdings,
        strategy_id=held.strategy_id,
        account_id=held.account_id,
        symbol=held.symbol,
        timeframe=held.timeframe,
        details=dict(held.details),
    )


def holding_of(row: Any) -> StrategyHolding:
    return StrategyHolding(
        strategy_id=row.strategy_id,
        account_id=row.account_id,
        symbol=row.symbol,
        holding=Holding(
            quantity=Decimal(str(row.quantity)),
            entry_price=Decimal(str(row.entry_price)),
            stop=decimal_or_none(row.stop),
            take_profit=decimal_or_none(row.take_profit),
            opened_at=row.opened_at,
            bars_held=row.bars_held,
        ),
        timeframe=None if row.timeframe is None else Timeframe(row.timeframe),
        details={str(k): str(v) for k, v in (row.details or {}).items()},
    )


class SqlHoldingRepository(EngineStore):
    """A HoldingRepository on `strategy_holdings`, keyed by (strategy, account, symbol)."""

    async def get(self, strategy_id: str, account_id: str, symbol: str) -> StrategyHolding | None:
        table = strategy_holdings
        found = await self._select(
            (table.c.strategy_id == strategy_id)
            & (table.c.account_id == account_id)
            & (table.c.symbol == symbol)
        )
        return found[0] if found else None

    async def put(self, holding: StrategyHolding) -> None:
        row = holding_row(holding)
        keys = ("strategy_id", "account_id", "symbol")

        async def work(conn: AsyncConnection) -> None:
            statement = insert_for(conn)(strategy_holdings).values(row)
            statement = statement.on_conflict_do_update(
                index_elements=list(keys),
                set_={k: statement.excluded[k] for k in row if k not in keys},
            )
            await conn.execute(statement)

        await self._write(work)

    async def remove(self, strategy_id: str, account_id: str, symbol: str) -> None:
        table = strategy_holdings

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                delete(table)
                .where(table.c.strategy_id == strategy_id)
                .where(table.c.account_id == account_id)
                .where(table.c.symbol == symbol)
            )

        await self._write(work)

    async def for_symbol(self, symbol: str) -> list[StrategyHolding]:
        return await self._select(strategy_holdings.c.symbol == symbol)

    async def for_strategy(self, strategy_id: str) -> list[StrategyHolding]:
        return await self._select(strategy_holdings.c.strategy_id == strategy_id)

    async def symbols(self) -> list[str]:
        rows = await self._read(select(strategy_holdings.c.symbol).distinct())
        return sorted(r[0] for r in rows)

    async def _select(self, condition: Any) -> list[StrategyHolding]:
        table = strategy_holdings
        query = (
            select(table)
            .where(condition)
            .order_by(table.c.strategy_id, table.c.account_id, table.c.symbol)
        )
        return [holding_of(r) for r in await self._read(query)]
