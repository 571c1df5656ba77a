"""Instrument reference data: search and read by anyone signed in; create, edit, import by admins.

Imports replace an existing instrument's fields the source carries and keep the rest
(multiplier, currency, option terms; the sector when the broker does not give one).
The risk books re-read instruments within INSTRUMENTS_TTL (application/trading/risk_books.py),
and at once for a symbol they do not know yet.
A search by `identifier` finds the instruments whose CUSIP, ISIN or FIGI it is; a CSV import
sets the identifiers its row gives and keeps those it leaves empty.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from application.core.access import ensure_may_change, owned_account
from application.core.cursors import decode_text_cursor, encode_text_cursor
from application.core.paging import Page, page_of
from application.trading.accounts import InvalidQuery
from application.trading.instrument_csv import InstrumentRow, parse_instruments
from domain.errors import CapabilityNotConfigured, Conflict, Forbidden, InvalidInstrument, NotFound
from domain.principals import Principal, Role
from domain.trading.instruments import AssetClass, Instrument
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.repositories import InstrumentSearch
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.trading.broker import BrokerError
from ports.trading.reference_data import AssetDirectory, BrokerAsset

MAX_PAGE = 200
MAX_SYMBOL = 64
MAX_IDENTIFIER = 12
ALPACA_EQUITY = "us_equity"


class InstrumentExists(Conflict):
    code = "INSTRUMENT_EXISTS"


# The setting that gives an instance a broker with an asset list (Alpaca).
BROKER_SETTING = "BULWARK_BROKER"


class AssetListUnavailable(Conflict):
    """The broker's asset list could not be read (the broker refused or cannot be reached;
    no broker with one configured is CapabilityNotConfigured)."""

    code = "ASSET_LIST_UNAVAILABLE"


@dataclass(frozen=True, slots=True)
class InstrumentQuery:
    """Filters of a listing; `cursor` is the previous page's `next_cursor`."""

    prefix: str | None = None
    asset_class: AssetClass | None = None
    active: bool | None = None
    cursor: str | None = None
    limit: int = 50
    identifier: str | None = None  # a CUSIP, ISIN or FIGI, exactly


InstrumentPage = Page[Instrument]  # by symbol


@dataclass(frozen=True, slots=True)
class InstrumentEdit:
    """What PATCH changes; None leaves a field as it is."""

    name: str | None = None
    sector: str | None = None
    lot_size: Decimal | None = None
    tick_size: Decimal | None = None
    marginable: bool | None = None
    shortable: bool | None = None
    active: bool | None = None
    cusip: str | None = None
    isin: str | None = None
    figi: str | None = None


@dataclass(slots=True)
class ImportReport:
    """What an import did, by symbol."""

    source: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # listed by the broker but not importable


@dataclass(eq=False)
class InstrumentCatalog:
    """The use cases of instrument reference data (see the module docstring)."""

    uow_factory: UnitOfWorkFactory
    clock: Clock
    audit: AuditLog
    assets: AssetDirectory | None = None

    async def search(self, query: InstrumentQuery) -> InstrumentPage:
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidQuery(f"limit must be between 1 and {MAX_PAGE}", field="limit")
        after = None if query.cursor is None else decode_cursor(query.cursor)
        prefix = (query.prefix or "").strip() or None
        if prefix is not None and len(prefix) > MAX_SYMBOL:
            raise InvalidQuery(f"q is longer than {MAX_SYMBOL} characters", field="q")
        identifier = _identifier(query.identifier)
        criteria = InstrumentSearch(
            prefix, query.asset_class, query.active, after, query.limit + 1, identifier
        )
        async with self.uow_factory() as uow:
            found = await uow.instruments.search(criteria)
        return page_of(found, query.limit, lambda instrument: encode_cursor(instrument.symbol))

    async def get(self, symbol: str) -> Instrument:
        async with self.uow_factory() as uow:
            found = await uow.instruments.get(symbol.strip().upper())
        if found is None:
            raise NotFound(f"instrument {symbol} not found")
        return found

    async def create(self, principal: Principal, instrument: Instrument) -> Instrument:
        ensure_may_change(principal)
        _admin(principal)
        async with self.uow_factory() as uow:
            if await uow.instruments.get(instrument.symbol) is not None:
                raise InstrumentExists(f"instrument {instrument.symbol} exists; PATCH it instead")
            await uow.instruments.add(instrument)
            await uow.commit()
        await self._record(principal, "instrument.create", instrument.symbol)
        return instrument

    async def edit(self, principal: Principal, symbol: str, edit: InstrumentEdit) -> Instrument:
        ensure_may_change(principal)
        _admin(principal)
        changes = {k: v for k, v in dataclasses.asdict(edit).items() if v is not None}
        for name in ("lot_size", "tick_size"):
            if name in changes and not (changes[name].is_finite() and changes[name] > 0):
                raise InvalidInstrument(f"{name} must be positive", field=name)
        async with self.uow_factory() as uow:
            found = await uow.instruments.get(symbol.strip().upper())
            if found is None:
                raise NotFound(f"instrument {symbol} not found")
            changed = dataclasses.replace(found, **changes)
            await uow.instruments.add(changed)
            await uow.commit()
        await self._record(principal, "instrument.edit", changed.symbol, sorted(changes))
        return changed

    async def import_csv(self, principal: Principal, text: str) -> ImportReport:
        """All rows or none: InvalidImport lists every bad row by line before anything is kept."""
        ensure_may_change(principal)
        _admin(principal)
        rows = parse_instruments(text)
        return await self._import(principal, "csv", [_from_row(r) for r in rows], [])

    async def import_from_broker(
        self, principal: Principal, account_id: str | None = None
    ) -> ImportReport:
        """The broker's active US equities (Alpaca GET /v2/assets), with the keys linked to
        `account_id` (one of the admin's own accounts), else the deployment's."""
        ensure_may_change(principal)
        _admin(principal)
        if self.assets is None:
            raise CapabilityNotConfigured(
                "the broker's asset list",
                (BROKER_SETTING,),
                f"this instance is not configured for the broker's asset list: set "
                f"{BROKER_SETTING}=alpaca",
            )
        if account_id is not None:
            async with self.uow_factory() as uow:  # only the admin's own keys
                await owned_account(uow, principal, account_id)
        try:
            listed = await self.assets.assets(account_id, ALPACA_EQUITY)
        except BrokerError as exc:
            raise AssetListUnavailable(f"{exc.code.value}: {exc.message}") from None
        wanted: list[Instrument] = []
        skipped: list[str] = []
        for asset in listed:
            made = _from_asset(asset)
            if made is None:
                skipped.append(asset.symbol)
            else:
                wanted.append(made)
        return await self._import(principal, "alpaca", wanted, skipped)

    async def _import(
        self, principal: Principal, source: str, wanted: list[Instrument], skipped: list[str]
    ) -> ImportReport:
        report = ImportReport(source, skipped=skipped)
        async with self.uow_factory() as uow:
            for instrument in wanted:
                found = await uow.instruments.get(instrument.symbol)
                merged = instrument if found is None else _merge(found, instrument, source)
                if found is None:
                    report.created.append(merged.symbol)
                elif found == merged:
                    report.unchanged.append(merged.symbol)
                    continue
                else:
                    report.updated.append(merged.symbol)
                await uow.instruments.add(merged)
            await uow.commit()
        details = {"created": len(report.created), "updated": len(report.updated)}
        await self._record(principal, f"instrument.import.{source}", "*", details)
        return report

    async def _record(
        self, principal: Principal, action: str, symbol: str, details: object = None
    ) -> None:
        entry = AuditEntry(
            principal.id,
            action,
            f"instrument:{symbol}",
            "done",
            self.clock.now(),
            {"changes": details} if details is not None else {},
        )
        await self.audit.record(entry)


def _identifier(text: str | None) -> str | None:
    identifier = (text or "").strip().upper() or None
    if identifier is not None and not (len(identifier) <= MAX_IDENTIFIER and identifier.isalnum()):
        raise InvalidQuery(
            f"identifier must be a CUSIP, ISIN or FIGI (at most {MAX_IDENTIFIER} letters and "
            "digits)",
            field="identifier",
        )
    return identifier


def _admin(principal: Principal) -> None:
    if principal.role is not Role.ADMIN:
        raise Forbidden("only an admin may change instrument reference data")


def _from_row(row: InstrumentRow) -> Instrument:
    return Instrument(
        row.symbol,
        row.asset_class,
        sector=row.sector,
        tick_size=row.tick_size,
        lot_size=row.lot_size,
        name=row.name,
        marginable=row.marginable,
        shortable=row.shortable,
        active=True if row.active is None else row.active,
        cusip=row.cusip,
        isin=row.isin,
        figi=row.figi,
    )


def _from_asset(asset: BrokerAsset) -> Instrument | None:
    symbol = asset.symbol.strip().upper()
    if not symbol or len(symbol) > MAX_SYMBOL or any(ch.isspace() for ch in symbol):
        return None
    tick = asset.tick_size if asset.tick_size is not None and asset.tick_size > 0 else None
    return Instrument(
        symbol,
        AssetClass.EQUITY,
        tick_size=tick or Decimal("0.01"),
        name=asset.name[:200],
        marginable=asset.marginable,
        shortable=asset.shortable,
        active=asset.active and asset.tradable,
    )


def _merge(found: Instrument, incoming: Instrument, source: str) -> Instrument:
    """`found` with what `source` carries; a broker list does not carry sector or lot size."""
    merged = dataclasses.replace(
        found,
        name=incoming.name,
        marginable=incoming.marginable,
        shortable=incoming.shortable,
        active=incoming.active,
        tick_size=incoming.tick_size,
    )
    if source != "csv":
        return merged
    return dataclasses.replace(
        merged,
        asset_class=incoming.asset_class,
        sector=incoming.sector,
        lot_size=incoming.lot_size,
        cusip=incoming.cusip or merged.cusip,
        isin=incoming.isin or merged.isin,
        figi=incoming.figi or merged.figi,
    )


def encode_cursor(symbol: str) -> str:
    return encode_text_cursor(symbol)


def decode_cursor(cursor: str) -> str:
    if not cursor or len(cursor) > 128:
        raise InvalidQuery("invalid cursor", field="cursor")
    try:
        symbol = decode_text_cursor(cursor)
    except ValueError:
        raise InvalidQuery("invalid cursor", field="cursor") from None
    if not symbol or len(symbol) > MAX_SYMBOL:
        raise InvalidQuery("invalid cursor", field="cursor")
    return symbol
