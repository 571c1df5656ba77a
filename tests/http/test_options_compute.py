"""POST /api/v1/analytics/options/greeks and .../implied-vol: JSON and Arrow, units, refusals."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from domain.analytics.options.bsm import bsm_greeks
from domain.analytics.options.implied_vol import implied_volatility
from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User
from tests.kit.arrow import arrow_bytes, read_arrow

pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

GREEKS = "/api/v1/analytics/options/greeks"
IMPLIED_VOL = "/api/v1/analytics/options/implied-vol"
ARROW = "application/vnd.apache.arrow.stream"
OUTPUTS = (
    "price",
    "delta",
    "gamma",
    "theta",
    "theta_per_day",
    "vega",
    "vega_per_point",
    "rho",
    "rho_per_percent",
    "vanna",
    "volga",
    "charm",
    "charm_per_day",
)


@pytest.fixture(autouse=True, scope="module")
def compiled_kernels() -> None:
    """Compile (or load from numba's cache) both kernels, small and large batch paths, before
    any request: a cold compile can outlast the 10 s compute budget on a busy machine, and
    these tests are about the endpoints, not the compiler."""
    for n in (1, 2048):
        ones, calls = np.ones(n), np.ones(n, dtype=np.bool_)
        bsm_greeks(ones * 100, ones * 100, ones, ones * 0.2, ones * 0.01, ones * 0.0, calls)
        implied_volatility(ones * 10, ones * 100, ones * 100, ones, ones * 0.01, ones * 0, calls)


def random_book(n: int, seed: int = 7) -> dict[str, Any]:
    """n options with varied spot, strike, expiry, vol, rate, yield and right."""
    rng = np.random.default_rng(seed)
    return {
        "spot": rng.uniform(50, 150, n).tolist(),
        "strike": rng.uniform(50, 150, n).tolist(),
        "years": rng.uniform(0.02, 3.0, n).tolist(),
        "vol": rng.uniform(0.05, 0.9, n).tolist(),
        "rate": rng.uniform(-0.01, 0.08, n).tolist(),
        "dividend_yield": rng.uniform(0.0, 0.05, n).tolist(),
        "right": ["call" if c else "put" for c in rng.integers(0, 2, n)],
    }


def expected_greeks(book: dict[str, Any]) -> Any:
    is_call = np.asarray(book.get("right", "call")) == "call"
    return bsm_greeks(
        book["spot"],
        book["strike"],
        book["years"],
        book["vol"],
        book.get("rate", 0.0),
        book.get("dividend_yield", 0.0),
        is_call,
    )


async def test_greeks_equal_the_domain_kernel_with_units_named(
    harness: Harness, owner: User
) -> None:
    # Arrange: 64 options, calls and puts, rates and yields
    book = random_book(64)

    # Act
    response = await harness.client.post(GREEKS, json=book, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    expected = expected_greeks(book)
    assert body["count"] == 64
    assert body["backend"] == "cpu"
    for name in OUTPUTS:
        np.testing.assert_allclose(body[name], getattr(expected, name), rtol=1e-12, atol=5e-11)
    assert set(body["units"]) == set(OUTPUTS)
    assert "per year" in body["units"]["theta"] and "365" in body["units"]["theta_per_day"]
    assert (
        "per 1.0" in body["units"]["vega"] and "volatility point" in body["units"]["vega_per_point"]
    )
    assert "1%" in body["units"]["rho_per_percent"] and "per year" in body["units"]["charm"]
    np.testing.assert_allclose(body["theta_per_day"], np.asarray(body["theta"]) / 365.0, atol=1e-10)
    np.testing.assert_allclose(body["vega_per_point"], np.asarray(body["vega"]) / 100.0, atol=1e-10)
    np.testing.assert_allclose(body["rho_per_percent"], np.asarray(body["rho"]) / 100.0, atol=1e-10)


async def test_scalars_broadcast_to_the_arrays_length(harness: Harness, owner: User) -> None:
    # Arrange: one array of strikes; every other field a scalar (string numbers read too)
    strikes = [80.0, 100.0, 120.0]
    scalar = {"spot": 100, "strike": strikes, "years": "0.5", "vol": 0.25, "right": "put"}
    explicit = {
        "spot": [100.0] * 3,
        "strike": strikes,
        "years": [0.5] * 3,
        "vol": [0.25] * 3,
        "right": ["put"] * 3,
    }

    # Act
    broadcast = await harness.client.post(GREEKS, json=scalar, headers=owner.headers)
    spelled_out = await harness.client.post(GREEKS, json=explicit, headers=owner.headers)
    one = await harness.client.post(
        GREEKS, json={"spot": 100, "strike": 100, "years": 1, "vol": 0.2}, headers=owner.headers
    )

    # Assert
    assert broadcast.status_code == spelled_out.status_code == one.status_code == 200
    a, b = broadcast.json(), spelled_out.json()
    assert a["count"] == 3
    for name in OUTPUTS:
        assert a[name] == b[name]
    assert one.json()["count"] == 1
    assert one.json()["price"] == pytest.approx([bsm_greeks(100, 100, 1, 0.2).price.item()])


async def test_implied_vols_equal_the_domain_solver_and_unsolvable_ones_answer_per_element(
    harness: Harness, owner: User
) -> None:
    # Arrange: prices from known vols, then one below intrinsic and one above the upper bound
    book = random_book(32, seed=3)
    del book["vol"]
    vols = np.random.default_rng(5).uniform(0.1, 0.6, 32)
    prices = expected_greeks({**book, "vol": vols}).price.tolist()
    book["price"] = prices
    book["spot"][0], book["strike"][0], book["right"][0] = 150.0, 50.0, "call"
    book["price"][0] = 1.0  # a deep in-the-money call for 1: below intrinsic
    book["right"][1] = "call"
    book["price"][1] = book["spot"][1] * 2  # a call above the spot: above the upper bound

    # Act
    response = await harness.client.post(IMPLIED_VOL, json=book, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    is_call = np.asarray(book["right"]) == "call"
    expected = implied_volatility(
        book["price"],
        book["spot"],
        book["strike"],
        book["years"],
        book["rate"],
        book["dividend_yield"],
        is_call,
    )
    assert body["reason"] == expected.reason_names()
    assert body["reason"][:2] == ["BELOW_INTRINSIC", "ABOVE_UPPER_BOUND"]
    assert body["volatility"][:2] == [None, None]
    solved = expected.volatility[2:]
    np.testing.assert_allclose(body["volatility"][2:], solved, rtol=1e-12, atol=5e-11)
    np.testing.assert_allclose(body["volatility"][2:], vols[2:], rtol=1e-8)
    assert body["solved"] == body["reason"].count("OK") == 30
    assert set(body["reasons"]) >= {"OK", "BELOW_INTRINSIC", "ABOVE_UPPER_BOUND"}


GOOD_GREEKS = {"spot": [100, 101], "strike": [100, 95], "years": 0.5, "vol": [0.2, 0.3]}
GOOD_IV = {"price": [5, 9], "spot": [100, 101], "strike": [100, 95], "years": 0.5}


@pytest.mark.parametrize(
    ("path", "change", "field"),
    [
        (GREEKS, {"spot": [100, 0]}, "spot[1]"),
        (GREEKS, {"strike": [-5, 95]}, "strike[0]"),
        (GREEKS, {"years": 0}, "years"),
        (GREEKS, {"years": [0.5, -1]}, "years[1]"),
        (GREEKS, {"vol": [0.2, 0]}, "vol[1]"),
        (GREEKS, {"vol": [0.2, "NaN"]}, "vol[1]"),
        (GREEKS, {"spot": ["Infinity", 100]}, "spot[0]"),
        (GREEKS, {"strike": [100, 95, 90]}, "strike"),
        (GREEKS, {"rate": 1.5}, "rate"),
        (GREEKS, {"dividend_yield": [0, -2]}, "dividend_yield[1]"),
        (GREEKS, {"right": ["call", "straddle"]}, "right[1]"),
        (GREEKS, {"spot": [100, "abc"]}, "spot[1]"),
        (IMPLIED_VOL, {"price": [5, -0.01]}, "price[1]"),
        (IMPLIED_VOL, {"price": "-Infinity"}, "price"),
        (IMPLIED_VOL, {"spot": [0, 101]}, "spot[0]"),
        (IMPLIED_VOL, {"years": [0.5, 0]}, "years[1]"),
        (IMPLIED_VOL, {"spot": [100]}, "spot"),
    ],
)
async def test_invalid_inputs_are_422_naming_the_field_and_first_index(
    harness: Harness, owner: User, path: str, change: dict[str, Any], field: str
) -> None:
    # Arrange
    body = {**(GOOD_GREEKS if path == GREEKS else GOOD_IV), **change}

    # Act
    response = await harness.client.post(path, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "INVALID_OPTIONS_INPUT")
    assert field_names(problem) == {field}


async def test_more_than_a_million_options_is_refused_naming_the_longest_field(
    harness: Harness, owner: User
) -> None:
    # Arrange: strike is the longest array (years is shorter, which alone would be a mismatch)
    body = {"spot": 100, "strike": [1] * 1_000_001, "years": [1, 1], "vol": 0.2}

    # Act
    response = await harness.client.post(GREEKS, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "OPTIONS_TOO_MANY")
    assert field_names(problem) == {"strike"}


async def test_wrong_types_and_unknown_fields_are_400_naming_them(
    harness: Harness, owner: User
) -> None:
    # Act
    nested = await harness.client.post(
        GREEKS, json={**GOOD_GREEKS, "spot": [100, {"x": 1}]}, headers=owner.headers
    )
    unknown = await harness.client.post(
        GREEKS, json={**GOOD_GREEKS, "volatility": 0.2}, headers=owner.headers
    )
    missing = await harness.client.post(
        IMPLIED_VOL, json={"spot": 100, "strike": 100, "years": 1}, headers=owner.headers
    )
    malformed = await harness.client.post(
        GREEKS,
        content=b'{"spot": [1,',
        headers={**owner.headers, "Content-Type": "application/json"},
    )

    # Assert
    assert field_names(assert_problem(nested, 400, "VALIDATION_ERROR")) == {"spot[1]"}
    assert field_names(assert_problem(unknown, 400, "VALIDATION_ERROR")) == {"volatility"}
    assert field_names(assert_problem(missing, 400, "VALIDATION_ERROR")) == {"price"}
    assert_problem(malformed, 400, "MALFORMED_JSON")


async def test_arrow_round_trip_equals_the_domain_kernels(harness: Harness, owner: User) -> None:
    # Arrange: the same book as an Arrow stream (right dictionary-encoded, years as integers)
    book = random_book(1000, seed=11)
    book["years"] = [1 + i % 3 for i in range(1000)]
    columns = {name: book[name] for name in ("spot", "strike", "years", "vol", "rate")}
    columns["right"] = pa.array(book["right"]).dictionary_encode()
    headers = {**owner.headers, "Content-Type": ARROW, "Accept": ARROW}

    # Act
    response = await harness.client.post(GREEKS, content=arrow_bytes(columns), headers=headers)

    # Assert: dividend_yield left out -> 0 for every row
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(ARROW)
    table = read_arrow(response.content)
    expected = expected_greeks({**book, "dividend_yield": 0.0})
    assert table.column_names == list(OUTPUTS)
    for name in OUTPUTS:
        np.testing.assert_allclose(
            table.column(name).to_numpy(), getattr(expected, name), rtol=1e-12, atol=0
        )
    units = json.loads(table.schema.metadata[b"units"])
    assert units["theta_per_day"] == table.schema.field("theta_per_day").metadata[b"unit"].decode()
    assert table.schema.metadata[b"count"] == b"1000"


async def test_implied_vols_as_arrow_from_json_and_json_from_arrow(
    harness: Harness, owner: User
) -> None:
    # Arrange
    prices = bsm_greeks(100.0, [90.0, 100.0, 110.0], 0.5, 0.3).price.tolist()
    body = {"price": [*prices, 0.0001], "spot": 100, "strike": [90, 100, 110, 10], "years": 0.5}
    columns = {
        "price": body["price"],
        "spot": [100.0] * 4,
        "strike": body["strike"],
        "years": [0.5] * 4,
    }

    # Act
    as_arrow = await harness.client.post(
        IMPLIED_VOL, json=body, headers={**owner.headers, "Accept": ARROW}
    )
    as_json = await harness.client.post(
        IMPLIED_VOL,
        content=arrow_bytes(columns),
        headers={**owner.headers, "Content-Type": ARROW},
    )

    # Assert
    assert as_arrow.status_code == as_json.status_code == 200
    table = read_arrow(as_arrow.content)
    np.testing.assert_allclose(table.column("volatility").to_numpy()[:3], 0.3, rtol=1e-10)
    assert np.isnan(table.column("volatility").to_numpy()[3])
    assert table.column("reason").to_pylist() == ["OK", "OK", "OK", "BELOW_INTRINSIC"]
    answer = as_json.json()
    assert answer["reason"] == ["OK", "OK", "OK", "BELOW_INTRINSIC"]
    assert answer["volatility"][3] is None


async def test_bad_arrow_bodies_are_refused_naming_the_column(
    harness: Harness, owner: User
) -> None:
    # Arrange
    headers = {**owner.headers, "Content-Type": ARROW}
    base = {"spot": [100.0, 100.0], "strike": [90.0, 95.0], "years": [1.0, 1.0]}
    nulls = arrow_bytes({**base, "vol": pa.array([0.2, None], type=pa.float64())})
    unknown = arrow_bytes({**base, "vol": [0.2, 0.2], "colour": [1, 2]})
    strings = arrow_bytes({**base, "vol": ["0.2", "0.2"]})
    missing = arrow_bytes(base)

    # Act
    answers = [
        await harness.client.post(GREEKS, content=body, headers=headers)
        for body in (nulls, unknown, strings, missing, b"not an arrow stream")
    ]

    # Assert
    assert field_names(assert_problem(answers[0], 422, "INVALID_OPTIONS_INPUT")) == {"vol[1]"}
    assert field_names(assert_problem(answers[1], 400, "VALIDATION_ERROR")) == {"colour"}
    assert field_names(assert_problem(answers[2], 400, "VALIDATION_ERROR")) == {"vol"}
    assert field_names(assert_problem(answers[3], 400, "VALIDATION_ERROR")) == {"vol"}
    assert_problem(answers[4], 400, "MALFORMED_ARROW")


async def test_another_content_type_is_415(harness: Harness, owner: User) -> None:
    response = await harness.client.post(
        GREEKS, content=b"spot=100", headers={**owner.headers, "Content-Type": "text/plain"}
    )

    assert_problem(response, 415, "UNSUPPORTED_MEDIA_TYPE")


async def test_bodies_past_the_api_limit_fit_the_routes_own_limit_and_it_is_enforced() -> None:
    # Arrange: 150 000 options of JSON (~2.5 MB, past the API's 1 MiB), then a 4 KiB limit
    n = 150_000
    body = {"spot": [100.25] * n, "strike": [99.5] * n, "years": 0.25, "vol": 0.2}
    async with harness_with() as harness:
        owner = await harness.user()

        # Act
        large = await harness.client.post(GREEKS, json=body, headers=owner.headers)

    async with harness_with(analytics_max_body_bytes="4096") as harness:
        owner = await harness.user()
        small = {"spot": [100.25] * 1000, "strike": 99.5, "years": 0.25, "vol": 0.2}
        refused = await harness.client.post(GREEKS, json=small, headers=owner.headers)

    # Assert
    assert large.status_code == 200, large.text
    assert large.json()["count"] == n
    assert_problem(refused, 413, "BODY_TOO_LARGE")


async def test_past_the_compute_budget_is_503_with_retry_after() -> None:
    # Arrange: a 1 ms budget and 200 000 options
    n = 200_000
    body = {"spot": [100.0] * n, "strike": 100, "years": 1, "vol": 0.2}
    async with harness_with(compute_budget_s="0.001") as harness:
        owner = await harness.user()

        # Act
        response = await harness.client.post(GREEKS, json=body, headers=owner.headers)

    # Assert
    assert_problem(response, 503, "COMPUTE_TIME_BUDGET")
    assert int(response.headers["Retry-After"]) >= 1


async def test_an_unauthenticated_call_is_refused(harness: Harness) -> None:
    response = await harness.client.post(GREEKS, json=GOOD_GREEKS)
    refused = await harness.client.post(IMPLIED_VOL, json=GOOD_IV)

    assert_problem(response, 401, "UNAUTHENTICATED")
    assert_problem(refused, 401, "UNAUTHENTICATED")


async def test_the_openapi_document_names_both_media_types(harness: Harness) -> None:
    # Act
    paths = (await harness.client.get("/schema/openapi.json")).json()["paths"]

    # Assert
    for path, out in ((GREEKS, "GreeksOut"), (IMPLIED_VOL, "ImpliedVolOut")):
        operation = paths[path]["post"]
        assert set(operation["requestBody"]["content"]) == {"application/json", ARROW}
        ok = operation["responses"]["200"]["content"]
        assert ok["application/json"]["schema"] == {"$ref": f"#/components/schemas/{out}"}
        assert ok[ARROW]["schema"] == {"type": "string", "format": "binary"}
        assert {"413", "415", "422", "503"} <= set(operation["responses"])


async def test_a_body_holding_millions_of_numbers_is_refused_before_decoding(
    harness: Harness, owner: User
) -> None:
    # Arrange: ~8 million one-digit numbers in vol (~16 MB): refused without building the list
    many = b"[" + b"1," * 8_000_000 + b"1]"
    raw = b'{"spot": 100, "strike": 100, "years": 1, "vol": ' + many + b"}"
    headers = {**owner.headers, "Content-Type": "application/json"}

    # Act
    response = await harness.client.post(GREEKS, content=raw, headers=headers)

    # Assert
    problem = assert_problem(response, 422, "OPTIONS_TOO_MANY")
    assert field_names(problem) == {"vol"}


async def test_large_bodies_decode_and_answers_encode_on_a_worker_thread(
    harness: Harness, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: count the route's hops to a worker thread
    import asyncio
    import threading

    from adapters.http.analytics import large_bodies as route

    threads: list[str] = []
    loop_threads: set[str] = set()
    to_thread = asyncio.to_thread

    async def spy(work: Any, *args: Any) -> Any:
        loop_threads.add(threading.current_thread().name)

        def run() -> Any:
            threads.append(threading.current_thread().name)
            return work(*args)

        return await to_thread(run)

    monkeypatch.setattr(route.asyncio, "to_thread", spy)
    n = 20_000  # above OFF_LOOP_BYTES of JSON and OFF_LOOP_OPTIONS options
    large = {"spot": [100.5] * n, "strike": 100, "years": 1, "vol": 0.2}

    # Act
    small_answer = await harness.client.post(GREEKS, json=GOOD_GREEKS, headers=owner.headers)
    small_hops = len(threads)
    large_answer = await harness.client.post(GREEKS, json=large, headers=owner.headers)

    # Assert: the small request stays on the loop; the large one decodes and encodes off it
    assert small_answer.status_code == large_answer.status_code == 200
    assert small_hops == 0
    assert len(threads) == 2
    assert not loop_threads & set(threads)
