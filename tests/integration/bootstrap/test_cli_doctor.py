"""`bulwark doctor`: a line per component, its exit status, and nothing created on the way."""

from __future__ import annotations

import base64
import io
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from bootstrap.cli import main
from bootstrap.cli_doctor import (
    EXIT_DEGRADED,
    EXIT_DOWN,
    EXIT_HEALTHY,
    document,
    exit_code,
    print_report,
)
from bootstrap.doctor import examine
from bootstrap.doctor_findings import REQUIRED, Finding, State
from bootstrap.settings import Settings
from bootstrap.settings.base import Secret
from tests.kit.logging_guard import logging_restored  # noqa: F401  (fixture)
from tests.kit.ports import free_port as closed_port

KEKS = f"main 1 {base64.b64encode(b'k' * 32).decode()}"


def finding(name: str, state: State, *, required: bool = False) -> Finding:
    degrades = None if required else f"{name} degrades"
    return Finding(name, state, required, degrades, f"{name} detail")


@pytest.mark.parametrize(
    ("states", "code"),
    [
        ({"store": State.OK, "redis": State.OK}, EXIT_HEALTHY),
        ({"store": State.OK, "redis": State.NOT_CONFIGURED}, EXIT_HEALTHY),
        ({"store": State.OK, "redis": State.DOWN}, EXIT_DEGRADED),
        ({"store": State.DOWN, "redis": State.DOWN}, EXIT_DOWN),
    ],
)
def test_the_exit_status_is_the_health(states: dict[str, State], code: int) -> None:
    # Arrange
    findings = [finding(n, s, required=n == "store") for n, s in states.items()]

    # Act / Assert
    assert exit_code(findings) == code


def test_the_table_has_a_line_per_component_then_what_it_adds_up_to() -> None:
    # Arrange
    findings = [
        finding("store", State.OK, required=True),
        finding("redis", State.DOWN),
        finding("kafka", State.NOT_CONFIGURED),
    ]
    out = io.StringIO()

    # Act
    print_report(findings, EXIT_DEGRADED, out)

    # Assert
    header, store, redis, kafka, summary = (
        re.split(r"\s{2,}", line) for line in out.getvalue().splitlines()
    )
    assert header == ["component", "state", "detail", "without it"]
    assert store == ["store", "ok", "store detail", REQUIRED]
    assert redis == ["redis", "down", "redis detail", "redis degrades"]
    assert kafka == ["kafka", "not configured", "kafka detail", "kafka degrades"]
    assert summary == ["degraded: redis down -- the instance serves on without them"]


def test_json_holds_the_status_and_every_component() -> None:
    # Arrange
    findings = [finding("store", State.DOWN, required=True), finding("redis", State.OK)]

    # Act
    parsed = json.loads(json.dumps(document(findings, EXIT_DOWN)))

    # Assert
    assert parsed["status"] == "down" and parsed["exit_code"] == EXIT_DOWN
    assert parsed["components"][0] == {
        "component": "store", "state": "down", "required": True, "degrades": None,
        "detail": "store detail",
    }  # fmt: skip


@pytest.fixture
def listening() -> Iterator[int]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield int(server.getsockname()[1])


# Vendors that need no key: their settings, and the one naming their API's URL.
KEYLESS_VENDORS = [
    pytest.param({"market_data": "yahoo"}, "yahoo_base_url", id="yahoo"),
    pytest.param({"market_data": "ccxt", "ccxt_exchange": "kraken"}, "ccxt_api_url", id="ccxt"),
]


@pytest.mark.parametrize(("flat", "url"), KEYLESS_VENDORS)
async def test_a_vendor_is_checked_by_reaching_its_host_and_degrades_the_feed(
    listening: int, flat: dict[str, object], url: str
) -> None:
    # Arrange: the vendor first (no key needed), its API on a port that listens, then one
    # that does not
    up = Settings.from_flat(**flat, **{url: f"http://127.0.0.1:{listening}"})
    down = Settings.from_flat(**flat, **{url: f"http://127.0.0.1:{closed_port()}"})
    component = f"market_data:{flat['market_data']}"

    # Act
    reached = {f.component: f for f in await examine(up)}[component]
    missed = {f.component: f for f in await examine(down)}[component]

    # Assert
    assert reached.state is State.OK and "accepts connections" in reached.detail
    assert "no key needed" in reached.detail
    assert missed.state is State.DOWN and not missed.required
    assert missed.degrades == "quotes and bars come from the fallbacks (synthetic) meanwhile"


async def test_ccxt_market_data_without_an_exchange_is_down_naming_the_variable() -> None:
    found = {f.component: f for f in await examine(Settings.from_flat(market_data="ccxt"))}

    assert found["market_data:ccxt"].state is State.DOWN
    assert found["market_data:ccxt"].detail == "BULWARK_CCXT_EXCHANGE is not set"


# A broker reached over the network: its settings (the API's URL named by `url`), the check's
# component, words of its detail, and the accounts it degrades.
NETWORK_BROKERS = [
    pytest.param(
        {
            "broker": "ccxt",
            "ccxt_exchange": "kraken",
            "ccxt_api_key": Secret("k"),
            "ccxt_secret": Secret("s"),
        },
        "ccxt_api_url",
        "broker:ccxt",
        "kraken through ccxt",
        "the crypto venue's accounts",
        id="ccxt",
    ),
    pytest.param(
        {"broker": "ibkr", "ibkr_account_id": "DU1234567"},
        "ibkr_gateway_url",
        "broker:ibkr",
        "account DU1234567 through the Client Portal Gateway",
        "IBKR accounts",
        id="ibkr",
    ),
    pytest.param(
        {"broker": "tradier", "tradier_token": Secret("t"), "tradier_account_id": "VA1234"},
        "tradier_api_url",
        "broker:tradier",
        "account VA1234 (sandbox)",
        "Tradier accounts",
        id="tradier",
    ),
]


@pytest.mark.parametrize(("flat", "url", "component", "detail", "accounts"), NETWORK_BROKERS)
async def test_a_network_broker_is_checked_by_reaching_its_api_and_degrades_its_accounts(
    listening: int,
    flat: dict[str, object],
    url: str,
    component: str,
    detail: str,
    accounts: str,
) -> None:
    # Arrange: the broker's API on a port that listens, then on one that does not
    up, down = (
        Settings.from_flat(**flat, **{url: f"http://127.0.0.1:{port}"})
        for port in (listening, closed_port())
    )

    # Act
    reached = {f.component: f for f in await examine(up)}[component]
    missed = {f.component: f for f in await examine(down)}[component]

    # Assert
    assert reached.state is State.OK and detail in reached.detail
    assert missed.state is State.DOWN and not missed.required
    assert missed.degrades is not None
    assert missed.degrades.startswith(f"orders of {accounts} are not sent")


async def test_a_vendor_without_its_key_is_down_naming_the_variable() -> None:
    # Arrange
    settings = Settings.from_flat(market_data="twelvedata")

    # Act
    found = {f.component: f for f in await examine(settings)}

    # Assert
    vendor = found["market_data:twelvedata"]
    assert vendor.state is State.DOWN
    assert vendor.detail == (
        "BULWARK_TWELVEDATA_API_KEY (or BULWARK_TWELVEDATA_VAULT_KEY) is not set"
    )
    assert found["market_data:synthetic"].state is State.OK


@pytest.fixture
def doctor_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An SQLite store in a folder of its own (not created yet), with keys configured."""
    monkeypatch.setenv("BULWARK_ENV", "test")
    monkeypatch.setenv("BULWARK_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'var' / 'b.db'}")
    monkeypatch.setenv("BULWARK_KEKS", KEKS)
    return tmp_path


@pytest.mark.usefixtures("logging_restored")
def test_a_missing_sqlite_file_is_reported_and_never_created(
    doctor_env: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Act
    code = main(["--env-file", "", "doctor"])

    # Assert
    out, err = capfd.readouterr()
    store = next(line for line in out.splitlines() if line.startswith("store "))
    assert code == EXIT_DOWN and err == ""
    assert "does not exist: run `bulwark migrate`" in store
    connections = next(line for line in out.splitlines() if line.startswith("connections "))
    assert "not read: they are kept in the store, which is down" in connections
    assert out.splitlines()[-1] == "down: store (required) -- the instance is not ready"
    assert not (doctor_env / "var").exists()


@pytest.mark.usefixtures("logging_restored")
def test_a_migrated_store_with_its_keys_is_healthy_and_a_bad_key_file_is_down(
    doctor_env: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    assert main(["--env-file", "", "migrate"]) == 0
    pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    good, bad = doctor_env / "jwt.pem", doctor_env / "not-a-key.pem"
    good.write_bytes(pem)
    bad.write_text("not a key\n")
    capfd.readouterr()

    # Act
    monkeypatch.setenv("BULWARK_JWT_PRIVATE_KEY_FILE", str(good))
    healthy = main(["--env-file", "", "doctor", "--json"])
    report = json.loads(capfd.readouterr().out)
    monkeypatch.setenv("BULWARK_JWT_PRIVATE_KEY_FILE", str(bad))
    broken = main(["--env-file", "", "doctor", "--json"])
    broken_report = json.loads(capfd.readouterr().out)

    # Assert
    states = {c["component"]: c["state"] for c in report["components"]}
    assert healthy == EXIT_HEALTHY and report["status"] == "healthy"
    assert states == {
        "store": "ok", "connections": "ok", "redis": "not configured",
        "kafka": "not configured", "encryption_keys": "ok", "jwt_signing_key": "ok",
        "broker:paper": "ok", "market_data:synthetic": "ok",
    }  # fmt: skip
    [jwt] = [c for c in broken_report["components"] if c["component"] == "jwt_signing_key"]
    assert broken == EXIT_DOWN and jwt["state"] == "down" and jwt["required"] is True
    assert "is not a usable RSA private key" in jwt["detail"]
