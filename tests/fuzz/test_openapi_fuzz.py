"""Schemathesis over the app's own OpenAPI document: every operation, as an owner and as an agent."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import Case

from tests.fuzz.checks import CHECKS
from tests.fuzz.conftest import Worlds

# BULWARK_FUZZ_EXAMPLES=500 runs a longer, randomised campaign; CI runs a small fixed one.
CAMPAIGN = int(os.environ.get("BULWARK_FUZZ_EXAMPLES", "0"))
CI_EXAMPLES = 6
# BULWARK_FUZZ_STATS=file appends "operation, caller, status" per request: what the run reached.
STATS = os.environ.get("BULWARK_FUZZ_STATS")
SESSION_ENDING = {"POST /api/v1/auth/logout"}
AGENT_PATHS = r"^/api/v1/(orders|agents/\{agent_id\}/heartbeat|accounts)"

FUZZ_SETTINGS = settings(
    max_examples=CAMPAIGN or CI_EXAMPLES,
    derandomize=not CAMPAIGN,
    database=None if not CAMPAIGN else settings.default.database,
    deadline=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink] if CAMPAIGN else [Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)

schema = schemathesis.pytest.from_fixture("fuzz_schema")


def exercise(case: Case, worlds: Worlds, *, as_agent: bool = False) -> None:
    label = case.operation.label
    ends_session = label in SESSION_ENDING
    # Logging back in after each logout must not run into the login rate limit.
    world = worlds.for_operation(label, **({"login_rate_per_minute": "1000"} if ends_session else {}))
    response, sent = world.send(case, as_agent=as_agent)
    if STATS:
        with open(STATS, "a", encoding="utf-8") as stats:
            stats.write(f"{label}\t{'agent' if as_agent else 'owner'}\t{response.status_code}\n")
    if ends_session:
        world.renew_session()
    case.validate_response(response, checks=CHECKS, headers=sent["headers"])


@pytest.mark.fuzz
@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_as_the_owner(case: Case, worlds: Worlds) -> None:
    exercise(case, worlds)


@pytest.mark.fuzz
@schema.include(path_regex=AGENT_PATHS).parametrize()
@FUZZ_SETTINGS
def test_agent_operations_with_an_api_key(case: Case, worlds: Worlds) -> None:
    exercise(case, worlds, as_agent=True)
