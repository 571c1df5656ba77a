"""/api/v1/admin/drills/paper-faults: admins switch the drill faults; never in prod."""

from __future__ import annotations

import base64

import pytest

from bootstrap.cli import main
from bootstrap.settings import SettingsError
from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with, resting_limit, submit
from tests.http.harness import PASSCODE, shared_jwt_key_file
from tests.http.harness import test_settings as settings_of

pytestmark = pytest.mark.serves("safety", "trading")

FAULTS = "/api/v1/admin/drills/paper-faults"
KEKS = "main 1 " + base64.b64encode(bytes(range(32))).decode()


async def test_an_admin_switches_faults_on_reads_them_and_switches_them_off() -> None:
    async with harness_with(paper_faults="none") as harness:
        # Arrange
        admin = await harness.user(Role.ADMIN)

        # Act
        before = await harness.client.get(FAULTS, headers=admin.headers)
        switched = await harness.client.put(
            FAULTS,
            json={"faults": ["keep_on_cancel", "delay_acks"], "delay_ms": 30},
            headers=admin.headers,
        )
        during = await harness.client.get(FAULTS, headers=admin.headers)
        cleared = await harness.client.delete(FAULTS, headers=admin.headers)
        after = await harness.client.get(FAULTS, headers=admin.headers)
        audited = await harness.container.core.audit().entries("drills:paper-faults")

    # Assert
    assert before.json() == {"faults": [], "delay_ms": 0, "active": False, "setting": "none"}
    assert switched.status_code == 200, switched.text
    assert during.json() == {
        "faults": ["keep_on_cancel", "delay_acks"],
        "delay_ms": 30,
        "active": True,
        "setting": "keep_on_cancel,delay_acks=30",
    }
    assert cleared.status_code == 204
    assert after.json()["active"] is False
    assert [(e.actor, e.details["to"]) for e in reversed(audited)] == [
        (admin.id, "keep_on_cancel,delay_acks=30"),
        (admin.id, "none"),
    ]


async def test_the_setting_switches_faults_on_from_the_start_and_status_says_so() -> None:
    async with harness_with(paper_faults="disconnect,delay_acks=40") as harness:
        # Arrange
        admin = await harness.user(Role.ADMIN)

        # Act
        response = await harness.client.get(FAULTS, headers=admin.headers)
        status = await harness.client.get("/api/status")

    # Assert
    assert response.json()["setting"] == "delay_acks=40,disconnect"
    assert status.json()["settings"]["paper_drills"] is True


async def test_the_kill_switch_reports_a_broker_keeping_cancelled_orders_as_unconfirmed() -> None:
    async with harness_with(paper_faults="none") as harness:
        # Arrange
        admin = await harness.user(Role.ADMIN)
        owner = await harness.user()
        await harness.instrument("AAPL", "190")
        account = await harness.account(owner, "acc-drill")
        placed = await submit(harness, owner, resting_limit(account))
        assert placed.status_code == 201, placed.text
        await harness.client.put(FAULTS, json={"faults": ["keep_on_cancel"]}, headers=admin.headers)

        # Act
        halted = await harness.client.post(
            "/api/v1/kill-switch/activate",
            json={"scope": {"kind": "account", "id": account}, "passcode": PASSCODE},
            headers=owner.headers,
        )
        still_open = await harness.container.core.paper_broker().open_orders(account)

    # Assert
    assert halted.status_code == 201, halted.text
    assert halted.json()["broker_confirmed"] is False
    assert len(still_open) == 1


async def test_an_unknown_fault_is_422_and_changes_nothing() -> None:
    async with harness_with(paper_faults="drop_acks") as harness:
        # Arrange
        admin = await harness.user(Role.ADMIN)

        # Act
        response = await harness.client.put(
            FAULTS, json={"faults": ["drop_acks", "lie"]}, headers=admin.headers
        )
        now = await harness.client.get(FAULTS, headers=admin.headers)

    # Assert
    body = assert_problem(response, 422, "UNKNOWN_FAULT")
    assert "'lie'" in body["detail"]
    assert now.json()["setting"] == "drop_acks"


@pytest.mark.parametrize(
    "body",
    [
        {"faults": "keep_on_cancel"},
        {"faults": ["delay_acks"], "delay_ms": 0},
        {"faults": [], "extra": True},
        {},
    ],
)
async def test_a_malformed_body_is_400(body: dict[str, object]) -> None:
    async with harness_with(paper_faults="none") as harness:
        # Arrange
        admin = await harness.user(Role.ADMIN)

        # Act
        response = await harness.client.put(FAULTS, json=body, headers=admin.headers)

    # Assert
    assert_problem(response, 400, "VALIDATION_ERROR")


async def test_without_a_session_every_route_is_401() -> None:
    async with harness_with(paper_faults="none") as harness:
        # Act
        answers = [
            await harness.client.get(FAULTS),
            await harness.client.put(FAULTS, json={"faults": ["disconnect"]}),
            await harness.client.delete(FAULTS),
        ]

    # Assert
    for response in answers:
        assert_problem(response, 401, "UNAUTHENTICATED")


@pytest.mark.parametrize("role", [Role.OWNER, Role.RISK_OFFICER, Role.VIEWER])
async def test_anyone_but_an_admin_is_403(role: Role) -> None:
    async with harness_with(paper_faults="none") as harness:
        # Arrange
        user = await harness.user(role)

        # Act
        answers = [
            await harness.client.get(FAULTS, headers=user.headers),
            await harness.client.put(FAULTS, json={"faults": ["disconnect"]}, headers=user.headers),
            await harness.client.delete(FAULTS, headers=user.headers),
        ]
        switched = harness.container.core.paper_faults()

    # Assert
    for response in answers:
        assert_problem(response, 403, "FORBIDDEN")
    assert switched is not None and not switched.current().active


async def test_without_the_setting_drills_answer_that_they_are_not_configured() -> None:
    async with harness_with() as harness:
        # Arrange
        admin = await harness.user(Role.ADMIN)

        # Act
        read = await harness.client.get(FAULTS, headers=admin.headers)
        switch = await harness.client.put(
            FAULTS, json={"faults": ["disconnect"]}, headers=admin.headers
        )

        status = await harness.client.get("/api/status")

    # Assert
    for response in (read, switch):
        problem = assert_problem(response, 409, "CAPABILITY_NOT_CONFIGURED")
        assert problem["settings"] == ["BULWARK_PAPER_FAULTS"]
        assert problem["capability"] == "broker fault drills"
        assert "set BULWARK_PAPER_FAULTS" in problem["detail"]
    assert harness.container.core.paper_faults() is None
    assert status.json()["settings"]["paper_drills"] is False


async def test_in_prod_drills_are_not_configured_even_for_an_admin() -> None:
    async with harness_with(env="prod", keks=KEKS) as harness:
        # Arrange
        admin = await harness.user(Role.ADMIN)

        # Act
        response = await harness.client.put(
            FAULTS, json={"faults": ["keep_on_cancel"]}, headers=admin.headers
        )

    # Assert
    problem = assert_problem(response, 409, "CAPABILITY_NOT_CONFIGURED")
    assert problem["settings"] == ["BULWARK_PAPER_FAULTS"]


def test_prod_refuses_the_setting_at_start_up() -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        settings_of(env="prod", keks=KEKS, paper_faults="none")

    # Assert
    assert raised.value.message == (
        "BULWARK_PAPER_FAULTS must be unset when BULWARK_ENV=prod "
        "(broker faults are for drills, never in production)"
    )


def test_prod_with_the_setting_is_one_configuration_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    monkeypatch.setenv("BULWARK_ENV", "prod")
    monkeypatch.setenv("BULWARK_JWT_PRIVATE_KEY_FILE", shared_jwt_key_file())
    monkeypatch.setenv("BULWARK_KEKS", KEKS)
    monkeypatch.setenv("BULWARK_PAPER_FAULTS", "keep_on_cancel")

    # Act
    code = main(["--env-file", "", "migrate"])

    # Assert
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == [
        "bulwark: configuration error: BULWARK_PAPER_FAULTS must be unset when BULWARK_ENV=prod "
        "(broker faults are for drills, never in production)"
    ]


def test_an_unknown_fault_in_the_setting_is_refused_at_start_up() -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        settings_of(paper_faults="keep_on_cancel,lie")

    # Assert
    assert raised.value.message.startswith("BULWARK_PAPER_FAULTS: unknown fault 'lie'")
