"""The answer's validation on receipt, gate figures by name, and the transcripts' redaction."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.reviewer.chat_answers import InvalidAnswer, answer_schema, parse_answer
from application.review.redaction import REDACTED, redact
from domain.risk.analysis import RiskRating
from ports.review.reviewer import ReviewPrompt

PROMPT = ReviewPrompt({"decision.approved": "true", "margin.equity_after": "1000"}, {})
GOOD = {"rating": "DANGER", "reasons": [{"figure": "decision.approved", "text": "ok"}],
        "confidence": 0.25}  # fmt: skip


def test_a_well_formed_answer_is_read() -> None:
    rating, reasons, confidence = parse_answer(json.dumps(GOOD), PROMPT)
    assert (rating, reasons[0].figure, confidence) == (RiskRating.DANGER, "decision.approved", 0.25)


@pytest.mark.parametrize(
    "answer",
    [
        {**GOOD, "confidence": 1.5},
        {**GOOD, "confidence": -0.1},
        {**GOOD, "rating": "FINE"},
        {**GOOD, "reasons": []},
        {**GOOD, "reasons": [{"figure": "decision.approved", "text": ""}]},
        {**GOOD, "reasons": [{"figure": "decision.approved", "text": "x", "extra": 1}]},
        {**GOOD, "verdict": "extra field"},
        {"rating": "SAFE", "reasons": GOOD["reasons"]},
        {**GOOD, "reasons": [{"figure": "account.cash", "text": "not sent"}]},
        {**GOOD, "reasons": [{"figure": "decision.approved", "text": "x"}] * 6},
    ],
)
def test_an_answer_off_the_schema_is_refused(answer: dict[str, object]) -> None:
    with pytest.raises(InvalidAnswer):
        parse_answer(json.dumps(answer), PROMPT)


@pytest.mark.parametrize("content", [None, "", "SAFE", "{", "[]", '"SAFE"'])
def test_an_answer_that_is_not_the_object_is_refused(content: str | None) -> None:
    with pytest.raises(InvalidAnswer):
        parse_answer(content, PROMPT)


def test_the_schema_names_only_the_figures_sent() -> None:
    schema = answer_schema(sorted(PROMPT.figures))
    figure = schema["properties"]["reasons"]["items"]["properties"]["figure"]
    assert figure["enum"] == ["decision.approved", "margin.equity_after"]
    assert schema["additionalProperties"] is False


secret_text = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=6, max_size=40
)


@given(secret_text, st.text(max_size=200), st.text(max_size=200))
def test_a_given_secret_never_survives_redaction(secret: str, before: str, after: str) -> None:
    # Act
    kept = redact(before + secret + after + secret, [secret])

    # Assert
    assert secret not in kept.replace(REDACTED, "\x00")


def test_credential_shapes_and_addresses_are_redacted() -> None:
    # Arrange
    text = (
        'key sk-abcdefgh12345678, Authorization: Bearer eyJhbGciOi.x.y, "api_key": "zzz", '
        "password=hunter2 mail ops@example.com"
    )

    # Act
    kept = redact(text, [])

    # Assert
    for leaked in ("sk-abcdefgh12345678", "eyJhbGciOi", "zzz", "hunter2", "ops@example.com"):
        assert leaked not in kept
    assert '"api_key": "[redacted]"' in kept


def test_decimal_figures_are_plain() -> None:
    from domain.risk.review import _plain

    assert _plain(Decimal("1E+3")) == "1000"
    assert _plain(Decimal("-0.00")) == "0"
    assert _plain(Decimal("0.700000")) == "0.700000"
