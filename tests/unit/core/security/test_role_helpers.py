"""What the console shows each role (adapters/http/security.py): the viewer gets no buttons."""

from __future__ import annotations

import pytest

from adapters.http.security import (
    may_change_anything,
    may_edit_rules,
    may_pull_kill_switch,
    may_trade,
)
from domain.principals import Role

PEOPLE = (Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN)


@pytest.mark.parametrize("role", PEOPLE)
def test_people_who_act_see_the_kill_switch_trading_and_rules(role: Role) -> None:
    assert may_pull_kill_switch(role)
    assert may_trade(role)
    assert may_edit_rules(role)
    assert may_change_anything(role)


def test_the_viewer_sees_no_button_that_changes_anything() -> None:
    assert not may_pull_kill_switch(Role.VIEWER)
    assert not may_trade(Role.VIEWER)
    assert not may_edit_rules(Role.VIEWER)
    assert not may_change_anything(Role.VIEWER)


def test_an_agent_trades_but_neither_pulls_the_kill_switch_nor_edits_rules() -> None:
    assert may_trade(Role.AGENT)
    assert not may_pull_kill_switch(Role.AGENT)
    assert not may_edit_rules(Role.AGENT)
