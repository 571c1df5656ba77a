"""`/api/v1/instruments`: search with a cursor, admin-only writes, CSV and Alpaca imports."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import msgspec
import pytest

from adapters.http.trading.instruments_schemas import ImportReportOut
from bootstrap.closing import close_quietly
from domain.principals import Role
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import assert_problem, field_names, harness_with, order_body, submit
from tests.http.harness import Harness, User
from tests.http.test_account_admin import allow_one_sector, open_account
from tests.kit.alpaca_fake import FakeAlpacaTrading

pytestmark = pytest.mark.serves("trading")

BASE = "/api/v1/instruments"
HEADER = "symbol,name,asset_class,sector,lot_size,tick_size,marginable,shortable"
CSV = "\n".join(
    [
        HEADER,
        "AAPL,Apple Inc,equity,Tech,1,0.01,true,true",
        "amzn,Amazon.com Inc,equity,Retail,1,0.01,yes,no",
        "BTCUSD,Bitcoin,crypto,Crypto,0.0001,0.01,false,false",
    ]
)


@pytest.fixture
async def admin(harness: Harness) -> User:
    return await harness.user(Role.ADMIN)


async def import_csv(harness: Harness, user: User, text: str) -> Any:
    headers = {**user.headers, "content-type": "text/csv"}
    return await harness.client.post(f"{BASE}/import", content=text.encode(), headers=headers)


async def symbols(harness: Harness, user: User, **params: Any) -> list[str]:
    response = await harness.client.get(BASE, params=params, headers=user.headers)
    assert response.status_code == 200, response.text
    return [i["symbol"] for i in response.json()["items"]]


async def test_a_csv_import_creates_then_updates(
    harness: Harness, admin: User, owner: User
) -> None:
    # Act
    first = await import_csv(harness, admin, CSV)
    second = await import_csv(harness, admin, CSV.replace("Apple Inc", "Apple"))

    # Assert
    assert first.status_code == 200, first.text
    assert first.json()["created"] == ["AAPL", "AMZN", "BTCUSD"]
    assert (second.json()["updated"], second.json()["unchanged"]) == (["AAPL"], ["AMZN", "BTCUSD"])
    amzn = (await harness.client.get(f"{BASE}/amzn", headers=owner.headers)).json()
    assert {k: amzn[k] for k in ("name", "sector", "marginable", "shortable", "active")} == {
        "name": "Amazon.com Inc",
        "sector": "Retail",
        "marginable": True,
        "shortable": False,
        "active": True,
    }


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (CSV + "\nMSFT,Microsoft,stock,Tech,1,0.01,true,true", ("line 5", "asset_class")),
        (CSV + "\nMSFT,Microsoft,equity,Tech,0,0.01,true,true", ("line 5", "lot_size")),
        (CSV + "\nMSFT,Microsoft,equity,Tech,1,abc,true,true", ("line 5", "tick_size")),
        (CSV + "\nMSFT,Microsoft,equity,Tech,1,0.01,maybe,true", ("line 5", "marginable")),
        (CSV + "\n,Nameless,equity,Tech,1,0.01,true,true", ("line 5", "symbol")),
        (CSV + "\nAAPL,Again,equity,Tech,1,0.01,true,true", ("line 5", "symbol")),
        (CSV + "\nMSFT,Microsoft,equity,Tech,1,0.01,true,true,extra", ("line 5", "row")),
        (CSV.replace(",shortable", ""), ("line 1", "shortable")),
        (CSV.replace("symbol,", "ticker,"), ("line 1", "symbol")),
    ],
)
async def test_a_bad_row_imports_nothing_and_names_its_line(
    harness: Harness, admin: User, text: str, where: tuple[str, str]
) -> None:
    # Act
    response = await import_csv(harness, admin, text)

    # Assert
    problem = assert_problem(response, 422, "INVALID_IMPORT")
    assert where in {(e["source"], e["field"]) for e in problem["errors"]}
    assert "nothing was imported" in problem["detail"] or where[0] == "line 1"
    assert await symbols(harness, admin) == []


async def test_empty_or_non_utf8_files_are_refused(harness: Harness, admin: User) -> None:
    # Act
    header_only = await import_csv(harness, admin, HEADER + "\n")
    empty = await import_csv(harness, admin, "")
    latin1 = await harness.client.post(
        f"{BASE}/import",
        content=(CSV + "\nCAFE,Caf\xe9,equity,Food,1,0.01,true,true").encode("latin-1"),
        headers={**admin.headers, "content-type": "text/csv"},
    )

    # Assert
    assert "no rows" in assert_problem(header_only, 422, "INVALID_IMPORT")["detail"]
    assert_problem(empty, 422, "INVALID_IMPORT")
    assert latin1.status_code in (400, 422), latin1.text
    assert await symbols(harness, admin) == []


async def test_only_admins_write_instruments(harness: Harness, owner: User, admin: User) -> None:
    # Arrange
    await import_csv(harness, admin, CSV)

    # Act
    answers = [
        await import_csv(harness, owner, CSV),
        await harness.client.post(BASE, json={"symbol": "MSFT"}, headers=owner.headers),
        await harness.client.patch(f"{BASE}/AAPL", json={"active": False}, headers=owner.headers),
        await harness.client.post(f"{BASE}/import/alpaca", headers=owner.headers),
    ]

    # Assert
    for answer in answers:
        assert_problem(answer, 403, "FORBIDDEN")
    assert (await harness.client.get(f"{BASE}/AAPL", headers=owner.headers)).json()["active"]


async def test_create_then_get_and_a_second_create_conflicts(
    harness: Harness, admin: User, owner: User
) -> None:
    # Arrange
    body = {"symbol": "msft", "name": "Microsoft", "sector": "Tech", "lot_size": "1"}

    # Act
    created = await harness.client.post(BASE, json=body, headers=admin.headers)
    again = await harness.client.post(BASE, json=body, headers=admin.headers)
    fetched = await harness.client.get(created.headers["location"], headers=owner.headers)

    # Assert
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"{BASE}/MSFT"
    assert fetched.json() == created.json()
    assert D(fetched.json()["tick_size"]) == D("0.01")  # at the wire's 8 places
    assert fetched.json()["asset_class"] == "equity"
    assert_problem(again, 409, "INSTRUMENT_EXISTS")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"symbol": ""}, "symbol"),
        ({"symbol": "A B"}, "symbol"),
        ({"symbol": "X", "asset_class": "option"}, "asset_class"),
        ({"symbol": "X", "tick_size": "0"}, "tick_size"),
        ({"symbol": "X", "currency": "dollars"}, "currency"),
        ({"symbol": "X", "shortable": "no"}, "shortable"),
    ],
)
async def test_a_bad_instrument_is_400_naming_the_field(
    harness: Harness, admin: User, body: dict[str, Any], field: str
) -> None:
    response = await harness.client.post(BASE, json=body, headers=admin.headers)

    assert field in field_names(assert_problem(response, 400, "VALIDATION_ERROR"))


async def test_patch_edits_and_unknown_symbols_are_404(harness: Harness, admin: User) -> None:
    # Arrange
    await import_csv(harness, admin, CSV)

    # Act
    edited = await harness.client.patch(
        f"{BASE}/aapl",
        json={"name": "Apple", "lot_size": "10", "shortable": False},
        headers=admin.headers,
    )
    missing = await harness.client.patch(
        f"{BASE}/NOPE", json={"active": False}, headers=admin.headers
    )
    bad = await harness.client.patch(f"{BASE}/AAPL", json={"lot_size": "-1"}, headers=admin.headers)

    # Assert
    assert edited.status_code == 200, edited.text
    assert (edited.json()["name"], edited.json()["lot_size"], edited.json()["shortable"]) == (
        "Apple",
        "10.00000000",  # quantities at the wire's 8 places
        False,
    )
    assert edited.json()["sector"] == "Tech"
    assert_problem(missing, 404, "NOT_FOUND")
    assert "lot_size" in field_names(assert_problem(bad, 400, "VALIDATION_ERROR"))


async def test_search_by_prefix_class_and_activity_pages_with_a_cursor(
    harness: Harness, admin: User, owner: User
) -> None:
    # Arrange
    await import_csv(harness, admin, CSV)
    await harness.client.patch(f"{BASE}/AMZN", json={"active": False}, headers=admin.headers)

    # Act
    first = await harness.client.get(BASE, params={"limit": 2}, headers=owner.headers)
    cursor = first.json()["next_cursor"]
    rest = await harness.client.get(
        BASE, params={"limit": 2, "cursor": cursor}, headers=owner.headers
    )

    # Assert
    assert [i["symbol"] for i in first.json()["items"]] == ["AAPL", "AMZN"]
    assert ([i["symbol"] for i in rest.json()["items"]], rest.json()["next_cursor"]) == (
        ["BTCUSD"],
        None,
    )
    assert await symbols(harness, owner, q="a") == ["AAPL", "AMZN"]
    assert await symbols(harness, owner, q="bitc") == ["BTCUSD"]
    assert await symbols(harness, owner, asset_class="crypto") == ["BTCUSD"]
    assert await symbols(harness, owner, active="false") == ["AMZN"]
    bad_cursor = await harness.client.get(BASE, params={"cursor": "!!"}, headers=owner.headers)
    assert_problem(bad_cursor, 422, "INVALID_QUERY")
    missing = await harness.client.get(f"{BASE}/NOPE", headers=owner.headers)
    assert_problem(missing, 404, "NOT_FOUND")


async def test_the_gate_reads_the_reference_flags(market: Harness, owner: User) -> None:
    # Arrange: AAPL 190 inactive after a first buy; XOM not shortable
    admin = await market.user(Role.ADMIN)
    account = (await open_account(market, owner))["id"]
    await allow_one_sector(market, owner)
    await submit(market, owner, order_body(account, symbol="XOM", quantity="10"))
    await market.client.patch(f"{BASE}/AAPL", json={"active": False}, headers=admin.headers)
    await market.client.patch(f"{BASE}/XOM", json={"shortable": False}, headers=admin.headers)
    market.clock.advance(2)  # past the held instruments TTL (application/trading/risk_books.py)

    # Act
    inactive = await submit(market, owner, order_body(account))
    short = await submit(
        market, owner, order_body(account, symbol="XOM", side="sell", quantity="11")
    )
    closing = await submit(
        market, owner, order_body(account, symbol="XOM", side="sell", quantity="10")
    )

    # Assert
    assert assert_problem(inactive, 422, "ORDER_DENIED")["reasons"] == ["INSTRUMENT_INACTIVE"]
    assert assert_problem(short, 422, "ORDER_DENIED")["reasons"] == ["SHORT_NOT_ALLOWED"]
    assert closing.status_code == 201, closing.text


async def test_the_alpaca_asset_list_is_imported_from_the_local_server() -> None:
    # Arrange: three active US equities (one not shortable nor marginable), an inactive one
    # and a crypto asset the import leaves out
    venue = FakeAlpacaTrading()
    venue.list_asset("AAPL")
    venue.list_asset("GME", shortable=False, marginable=False, easy_to_borrow=False)
    venue.list_asset("NOTRADE", tradable=False)
    venue.list_asset("OLD", status="inactive")
    venue.list_asset("BTC/USD", **{"class": "crypto"})
    async with AlpacaServer() as server:
        venue.install(server)
        async with harness_with(
            broker="alpaca",
            alpaca_trading_url=server.url,
            alpaca_key_id="PKSETTINGS000000ABCD",
            alpaca_secret_key="settings-secret",
        ) as h:
            admin = await h.user(Role.ADMIN)
            catalog = h.container.trading.instruments()

            # Act: the use case in the test's loop, where the local server runs
            report = await catalog.import_from_broker(admin.principal)
            again = await catalog.import_from_broker(admin.principal)
            gme = await catalog.get("GME")
            notrade = await catalog.get("NOTRADE")
            await close_quietly(h.container.core.brokers().brokers.values())

    # Assert
    assert msgspec.to_builtins(ImportReportOut.from_domain(report))["created"] == [
        "AAPL",
        "GME",
        "NOTRADE",
    ]
    assert again.unchanged == ["AAPL", "GME", "NOTRADE"]
    assert (gme.name, gme.shortable, gme.marginable, gme.active) == ("GME Inc", False, False, True)
    assert notrade.active is False
    (request,) = server.requests_to("GET", "/v2/assets")[:1]
    assert request.params == {"status": "active", "asset_class": "us_equity"}
    assert request.headers["apca-api-key-id"] == "PKSETTINGS000000ABCD"


async def test_the_alpaca_import_without_alpaca_configured_names_the_setting(
    harness: Harness, admin: User
) -> None:
    response = await harness.client.post(f"{BASE}/import/alpaca", headers=admin.headers)

    problem = assert_problem(response, 409, "CAPABILITY_NOT_CONFIGURED")
    assert problem["settings"] == ["BULWARK_BROKER"]
    assert "BULWARK_BROKER=alpaca" in problem["detail"]


async def test_openapi_documents_the_csv_body(harness: Harness) -> None:
    schema = (await harness.client.get("/schema/openapi.json")).json()

    body = schema["paths"]["/api/v1/instruments/import"]["post"]["requestBody"]
    assert set(body["content"]) == {"text/csv"}
    assert {"get", "post"} <= set(schema["paths"]["/api/v1/instruments"])
    assert "patch" in schema["paths"]["/api/v1/instruments/{symbol}"]
