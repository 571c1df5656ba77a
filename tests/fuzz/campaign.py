"""The Schemathesis campaigns over the app's own OpenAPI document: every operation as the owner
(in shares, one test file each, so pytest-xdist spreads them over its workers), some as an agent.

A share is a stable hash of the operation's label ("POST /api/v1/orders") modulo `SHARES`: the
same operations fall in the same share on every run and machine, whatever the document adds."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import Case
from schemathesis.filters import HasAPIOperation

from tests.fuzz.checks import CHECKS, problem_code
from tests.fuzz.world import Worlds, context_of

# CI runs a small fixed campaign; BULWARK_FUZZ_EXAMPLES=n runs a longer, randomised one.
CAMPAIGN = int(os.environ.get("BULWARK_FUZZ_EXAMPLES", "0"))
CI_EXAMPLES = 6
# BULWARK_FUZZ_STATS=file appends "operation, caller, status, code" per request: what it reached.
STATS = os.environ.get("BULWARK_FUZZ_STATS")
SESSION_ENDING = {"POST /api/v1/auth/logout"}
# Rate limits the fuzzer would otherwise spend its examples on: logging back in after each
# logout, and the kill switch's 30 a minute (its passcode is in half the examples' bodies).
RELAXED = {
    "POST /api/v1/auth/logout": {"login_rate_per_minute": "1000"},
    "POST /api/v1/kill-switch/activate": {"kill_switch_rate_per_minute": "1000"},
    "POST /api/v1/kill-switch/resume": {"kill_switch_rate_per_minute": "1000"},
}
AGENT_PATHS = r"^/api/v1/(orders|agents/\{agent_id\}/heartbeat|accounts|strategies/signals)"
# The owner's campaign in this many test files (tests/fuzz/test_owner_campaign_*.py).
SHARES = 4

FUZZ_SETTINGS = settings(
    max_examples=CAMPAIGN or CI_EXAMPLES,
    derandomize=not CAMPAIGN,
    database=settings.default.database if CAMPAIGN else None,
    deadline=None,
    # Shrinking a failure found in CI would only spend CI's time: a campaign shrinks.
    phases=[Phase.explicit, Phase.generate] + ([Phase.shrink] if CAMPAIGN else []),
    suppress_health_check=list(HealthCheck),
)

schema = schemathesis.pytest.from_fixture("fuzz_schema")


def share_of(label: str) -> int:
    """The share (1..SHARES) an operation belongs to, by a hash stable across processes."""
    return zlib.crc32(label.encode()) % SHARES + 1


def exercise(case: Case, worlds: Worlds, *, as_agent: bool = False) -> None:
    label = case.operation.label
    ends_session = label in SESSION_ENDING
    world = worlds.for_operation(label, context_of(case), **RELAXED.get(label, {}))

    response, sent = world.send(case, as_agent=as_agent)
    if STATS:
        with open(STATS, "a", encoding="utf-8") as stats:
            caller = "agent" if as_agent else "owner"
            type_ = response.headers.get("content-type", "")
            code = problem_code(response.status_code, type_, response.content) or ""
            stats.write(f"{label}\t{caller}\t{response.status_code}\t{code}\n")
    if ends_session:
        world.renew_session()

    case.validate_response(response, checks=CHECKS, headers=sent["headers"])


def owner_campaign(share: int) -> Callable[..., Any]:
    """The owner's campaign over the operations of one share, as a test for a module to hold."""

    def in_share(ctx: HasAPIOperation) -> bool:
        return share_of(ctx.operation.label) == share

    @pytest.mark.fuzz
    @schema.include(in_share).parametrize()
    @FUZZ_SETTINGS
    def test_every_operation_as_the_owner(case: Case, worlds: Worlds) -> None:
        exercise(case, worlds)

    return test_every_operation_as_the_owner
