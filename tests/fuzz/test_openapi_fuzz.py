"""Schemathesis as an agent with an API key, on the operations an agent calls; the owner's
campaign over every operation is in shares: tests/fuzz/test_owner_campaign_*.py."""

from __future__ import annotations

import pytest
from schemathesis import Case

from tests.fuzz.campaign import AGENT_PATHS, FUZZ_SETTINGS, exercise, schema
from tests.fuzz.world import Worlds


@pytest.mark.fuzz
@schema.include(path_regex=AGENT_PATHS).parametrize()
@FUZZ_SETTINGS
def test_agent_operations_with_an_api_key(case: Case, worlds: Worlds) -> None:
    exercise(case, worlds, as_agent=True)
