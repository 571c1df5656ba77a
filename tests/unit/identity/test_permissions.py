"""An agent key's scopes: named ones checked, the default when none are named, `approve`
never an agent's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.identity.permissions import (
    AGENT_DEFAULT,
    InvalidPermissions,
    Permission,
    agent_permissions,
    parse_permissions_text,
    permissions_text,
)
from domain.principals import Principal, Role


def test_a_key_without_a_list_may_read_trade_and_halt() -> None:
    assert agent_permissions(None) == AGENT_DEFAULT == {"read", "trade", "halt"}


def test_names_are_checked_and_approve_is_refused() -> None:
    assert agent_permissions([" Read ", "halt"]) == {Permission.READ, Permission.HALT}
    with pytest.raises(InvalidPermissions, match="approve"):
        agent_permissions(["read", "approve"])
    with pytest.raises(InvalidPermissions, match="unknown scope admin"):
        agent_permissions(["admin"])
    with pytest.raises(InvalidPermissions):
        agent_permissions([])


@given(st.sets(st.sampled_from([Permission.READ, Permission.TRADE, Permission.HALT])))
def test_the_stored_text_round_trips_in_a_stable_order(chosen: set[Permission]) -> None:
    text = permissions_text(chosen)
    assert parse_permissions_text(text) == chosen
    assert text == permissions_text(sorted(chosen, reverse=True))


def test_a_person_may_whatever_the_role_allows_and_a_key_only_its_scopes() -> None:
    person = Principal("u-1", Role.OWNER)
    agent = Principal("a-1", Role.AGENT, frozenset({"read"}))
    assert person.may("approve") and agent.may("read") and not agent.may("trade")
    assert agent == Principal("a-1", Role.AGENT)  # scopes are not who the principal is
