"""`/api/v1/instruments`: CUSIP, ISIN and FIGI in and out, checked, and a search by one."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading")

BASE = "/api/v1/instruments"
APPLE = {"symbol": "AAPL", "cusip": "037833100", "isin": "us0378331005", "figi": "BBG000B9XRY4"}


@pytest.fixture
async def admin(harness: Harness) -> User:
    return await harness.user(Role.ADMIN)


async def test_identifiers_are_kept_and_an_instrument_is_found_by_one(
    harness: Harness, admin: User, owner: User
) -> None:
    # Arrange
    created = await harness.client.post(BASE, json=APPLE, headers=admin.headers)

    # Act
    by_isin = await harness.client.get(
        BASE, params={"identifier": "US0378331005"}, headers=owner.headers
    )
    by_cusip = await harness.client.get(
        BASE, params={"identifier": "037833100"}, headers=owner.headers
    )
    by_other = await harness.client.get(
        BASE, params={"identifier": "594918104"}, headers=owner.headers
    )

    # Assert
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["cusip"], body["isin"], body["figi"]) == (
        "037833100",
        "US0378331005",
        "BBG000B9XRY4",
    )
    assert [i["symbol"] for i in by_isin.json()["items"]] == ["AAPL"]
    assert [i["symbol"] for i in by_cusip.json()["items"]] == ["AAPL"]
    assert by_other.json()["items"] == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"cusip": "037833101"}, "cusip"),  # the check digit is 0
        ({"isin": "US0378331006"}, "isin"),
        ({"figi": "BBG000B9XRY5"}, "figi"),
        ({"cusip": "594918104"}, "isin"),  # the ISIN embeds Apple's CUSIP, not this one
    ],
)
async def test_a_bad_identifier_is_422_naming_the_field(
    harness: Harness, admin: User, changes: dict[str, Any], field: str
) -> None:
    # Act
    response = await harness.client.post(BASE, json={**APPLE, **changes}, headers=admin.headers)

    # Assert
    problem = assert_problem(response, 422, "INVALID_INSTRUMENT")
    assert field in field_names(problem)


async def test_patch_and_csv_set_identifiers_and_a_bad_one_names_its_line(
    harness: Harness, admin: User
) -> None:
    # Arrange
    header = "symbol,name,asset_class,sector,lot_size,tick_size,marginable,shortable,cusip,isin"
    csv_headers = {**admin.headers, "content-type": "text/csv"}

    # Act
    imported = await harness.client.post(
        f"{BASE}/import",
        content=f"{header}\nMSFT,Microsoft,equity,Tech,1,0.01,true,true,594918104,\n".encode(),
        headers=csv_headers,
    )
    bad = await harness.client.post(
        f"{BASE}/import",
        content=f"{header}\nXYZ,Bad,equity,Tech,1,0.01,true,true,594918105,\n".encode(),
        headers=csv_headers,
    )
    patched = await harness.client.patch(
        f"{BASE}/MSFT", json={"isin": "US5949181045"}, headers=admin.headers
    )
    bad_patch = await harness.client.patch(
        f"{BASE}/MSFT", json={"cusip": "594918105"}, headers=admin.headers
    )

    # Assert
    assert imported.status_code == 200, imported.text
    problem = assert_problem(bad, 422, "INVALID_IMPORT")
    assert ("line 2", "cusip") in {(e["source"], e["field"]) for e in problem["errors"]}
    assert patched.status_code == 200, patched.text
    assert (patched.json()["cusip"], patched.json()["isin"]) == ("594918104", "US5949181045")
    assert "cusip" in field_names(assert_problem(bad_patch, 422, "INVALID_INSTRUMENT"))
