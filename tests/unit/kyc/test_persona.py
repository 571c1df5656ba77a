"""The Persona adapter against a local Persona serving its documented shapes: inquiries opened
and read, statuses mapped, webhooks' signatures and ages checked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from adapters.identity_verification.persona import PersonaProvider
from domain.kyc.status import ProviderOutcome
from ports.identity.verification import VerificationUnavailable, WebhookRefused
from tests.kit.fake_server import threaded_http
from tests.kit.persona import (
    API_KEY,
    TEMPLATE,
    WEBHOOK_SECRET,
    LocalPersona,
    event,
    inquiry,
    signature,
)

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def persona() -> Iterator[tuple[LocalPersona, str]]:
    local = LocalPersona()
    with threaded_http(local.answer, methods=("GET", "POST")) as url:
        yield local, url


def provider(url: str, key: str = API_KEY) -> PersonaProvider:
    return PersonaProvider(url, key, TEMPLATE, WEBHOOK_SECRET)


async def test_an_inquiry_is_opened_with_the_template_and_the_users_id(
    persona: tuple[LocalPersona, str],
) -> None:
    # Arrange
    local, url = persona

    # Act
    started = await provider(url).start("u-1")

    # Assert
    assert started.user_id == "u-1"
    assert started.result.reference == "inq_1"
    assert started.result.outcome is ProviderOutcome.PENDING
    sent = local.seen[0]
    assert sent.header("Persona-Version") and sent.header("Key-Inflection") == "kebab"


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        ("completed", ProviderOutcome.PENDING),
        ("needs_review", ProviderOutcome.PENDING),
        ("approved", ProviderOutcome.APPROVED),
        ("declined", ProviderOutcome.DECLINED),
        ("failed", ProviderOutcome.DECLINED),
        ("expired", ProviderOutcome.EXPIRED),
    ],
)
async def test_an_inquirys_status_maps_to_an_outcome(
    persona: tuple[LocalPersona, str], status: str, outcome: ProviderOutcome
) -> None:
    # Arrange
    local, url = persona
    started = await provider(url).start("u-1")
    local.decide(started.result.reference, status, "2026-03-02T09:20:00Z")

    # Act
    fetched = await provider(url).fetch(started.result.reference)

    # Assert
    assert fetched.result.outcome is outcome
    assert fetched.result.at == datetime(2026, 3, 2, 9, 20, tzinfo=UTC)


async def test_a_wrong_key_or_an_unknown_inquiry_is_unavailable(
    persona: tuple[LocalPersona, str],
) -> None:
    _, url = persona

    with pytest.raises(VerificationUnavailable, match="401"):
        await provider(url, key="wrong").start("u-1")
    with pytest.raises(VerificationUnavailable, match="404"):
        await provider(url).fetch("inq_404")


async def test_an_unreachable_persona_is_unavailable() -> None:
    with pytest.raises(VerificationUnavailable):
        await provider("http://127.0.0.1:9").start("u-1")


def body(status: str = "approved") -> bytes:
    resource = inquiry("inq_1", status, "u-1", "2026-03-02T09:25:00Z")
    return event("evt_1", f"inquiry.{status}", resource, "2026-03-02T09:26:00Z")


def test_a_signed_webhook_carries_the_users_result() -> None:
    payload = body()

    found = provider("http://unused").authenticate(
        payload, {"Persona-Signature": signature(payload, NOW)}, NOW
    )

    assert (found.event_id, found.user_id) == ("evt_1", "u-1")
    assert found.result is not None and found.result.outcome is ProviderOutcome.APPROVED
    assert found.result.at == datetime(2026, 3, 2, 9, 26, tzinfo=UTC)


def test_a_rotated_secret_is_accepted_among_several_signatures() -> None:
    payload = body()
    old = signature(payload, NOW, "old-secret").split("v1=")[1]
    header = signature(payload, NOW) + f" v1={old}"

    found = provider("http://unused").authenticate(payload, {"persona-signature": header}, NOW)

    assert found.user_id == "u-1"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Persona-Signature": "garbage"},
        {"Persona-Signature": signature(body(), NOW, "another-secret")},
        {"Persona-Signature": signature(body("declined"), NOW)},  # another body's
        {"Persona-Signature": signature(body(), NOW - timedelta(minutes=6))},  # too old
    ],
    ids=["unsigned", "malformed", "wrong-secret", "other-body", "replayed-late"],
)
def test_a_webhook_not_signed_for_this_body_now_is_refused(headers: dict[str, str]) -> None:
    with pytest.raises(WebhookRefused):
        provider("http://unused").authenticate(body(), headers, NOW)


def test_without_a_webhook_secret_every_webhook_is_refused() -> None:
    payload = body()
    unsigned = PersonaProvider("http://unused", API_KEY, TEMPLATE, None)

    with pytest.raises(WebhookRefused):
        unsigned.authenticate(payload, {"Persona-Signature": signature(payload, NOW)}, NOW)
