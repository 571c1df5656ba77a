from __future__ import annotations
import pytest
from schemathesis import Case
from tests.fuzz.test_openapi_fuzz import FUZZ_SETTINGS, exercise, schema
from tests.fuzz.world import Worlds

MINE = r"^/api/v1/(analytics/(futures|macro|insiders|scenarios)|planning/(13f|filing-calendar))"

@pytest.mark.fuzz
@schema.include(path_regex=MINE).parametrize()
@FUZZ_SETTINGS
def test_mine(case: Case, worlds: Worlds) -> None:
    exercise(case, worlds)
