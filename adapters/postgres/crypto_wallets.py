"""Stored crypto wallets on SQL (PostgreSQL and SQLite), one short transaction per call.

A wallet is unique per (owner, chain id, address): the unique key decides under concurrent
writers too (CryptoWalletExists)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.crypto_wallets import crypto_wallets
from domain.analytics.crypto.wallet_book import StoredWallet
from domain.errors import Conflict
from ports.analytics.crypto_wallets import CryptoWalletExists

_t = crypto_wallets


def _row(wallet: StoredWallet) -> dict[str, Any]:
    return row_of(wallet, _t, tokens=",".join(wallet.tokens))


def _wallet(row: Any) -> StoredWallet:
    return record(StoredWallet, row, tokens=tuple(t for t in row.tokens.split(",") if t))


class SqlCryptoWalletStore(EngineStore):
    """A CryptoWalletStore on the crypto_wallets table."""

    async def add(self, wallet: StoredWallet) -> None:
        async def work(conn: AsyncConnection) -> None:
            if await conn.scalar(select(_t.c.id).where(_t.c.id == wallet.id)) is not None:
                raise Conflict(f"crypto wallet {wallet.id!r} already exists", field="id")
            taken = await conn.scalar(
                select(_t.c.id).where(
                    _t.c.owner_id == wallet.owner_id,
                    _t.c.chain_id == wallet.chain_id,
                    _t.c.address == wallet.address,
                )
            )
            if taken is not None:
                raise _exists(wallet)
            try:
                await conn.execute(_t.insert(), _row(wallet))
            except IntegrityError as exc:  # a concurrent writer took it first
                raise _exists(wallet) from exc

        await self._write(work)

    async def get(self, wallet_id: str) -> StoredWallet | None:
        return await self._read_one(select(_t).where(_t.c.id == wallet_id), _wallet)

    async def list_for(self, owner_id: str) -> list[StoredWallet]:
        query = select(_t).where(_t.c.owner_id == owner_id).order_by(_t.c.created_at, _t.c.id)
        return [_wallet(r) for r in await self._read(query)]

    async def save(self, wallet: StoredWallet) -> bool:
        row = _row(wallet)
        changed = {k: row[k] for k in ("label", "tokens", "updated_at")}
        return await self._change(_t.update().where(_t.c.id == wallet.id).values(changed)) > 0

    async def remove(self, wallet_id: str, owner_id: str) -> bool:
        statement = _t.delete().where(_t.c.id == wallet_id, _t.c.owner_id == owner_id)
        return await self._change(statement) > 0

    async def count_for(self, owner_id: str) -> int:
        query = select(func.count()).select_from(_t).where(_t.c.owner_id == owner_id)
        return int((await self._read(query))[0][0])


def _exists(wallet: StoredWallet) -> CryptoWalletExists:
    return CryptoWalletExists(
        f"you keep the wallet {wallet.address} of chain {wallet.chain_id} already",
        field="address",
    )
