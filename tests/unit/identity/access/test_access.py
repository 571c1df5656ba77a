"""Seeing versus acting (application/core/access.py): the viewer sees everything and acts on
nothing."""

from __future__ import annotations

import pytest

from application.core.access import (
    SEES_ALL,
    account_for,
    account_seen,
    ensure_may_change,
    is_read_only,
    may_act_on,
    may_see,
    sees_everything,
    visibility,
)
from bootstrap.embedded import Embedded
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    add_agent,
)

VIEWER = Principal("v-1", Role.VIEWER)
ADMIN = Principal("ad-1", Role.ADMIN)


async def test_a_viewer_sees_everything_like_a_supervisor(e: Embedded) -> None:
    # Act
    async with e.uow() as uow:
        viewer_sees = await visibility(uow, VIEWER)
        officer_sees = await visibility(uow, OFFICER)

    # Assert
    assert viewer_sees is None
    assert officer_sees is None


async def test_an_owner_sees_only_their_own_accounts(e: Embedded) -> None:
    # Act
    async with e.uow() as uow:
        seen = await visibility(uow, OWNER)

    # Assert
    assert seen is not None
    assert seen.account_ids == frozenset({ACCOUNT})


@pytest.mark.parametrize("account_id", [ACCOUNT, OTHER_ACCOUNT])
async def test_a_viewer_may_see_but_not_act_on_any_account(e: Embedded, account_id: str) -> None:
    # Arrange
    async with e.uow() as uow:
        account = await uow.accounts.get(account_id)
    assert account is not None

    # Act
    async with e.uow() as uow:
        sees = await may_see(uow, VIEWER, account)
        acts = await may_act_on(uow, VIEWER, account)

    # Assert
    assert (sees, acts) == (True, False)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("account_id", [ACCOUNT, OTHER_ACCOUNT])
async def test_whoever_may_act_on_an_account_may_also_see_it(
    e: Embedded, role: Role, account_id: str
) -> None:
    # Arrange: OWNER's id under every role (an agent named like OWNER has no grants)
    principal = Principal(OWNER.id, role)
    async with e.uow() as uow:
        account = await uow.accounts.get(account_id)
    assert account is not None

    # Act
    async with e.uow() as uow:
        sees = await may_see(uow, principal, account)
        acts = await may_act_on(uow, principal, account)

    # Assert: acting implies seeing; only the viewer sees without acting on another's account
    assert sees or not acts
    assert sees == (role in SEES_ALL or (role is not Role.AGENT and account_id == ACCOUNT))
    assert acts == (sees and role is not Role.VIEWER)


async def test_an_agent_sees_and_acts_on_its_granted_accounts_only(e: Embedded) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)
    async with e.uow() as uow:
        mine = await uow.accounts.get(ACCOUNT)
        other = await uow.accounts.get(OTHER_ACCOUNT)
    assert mine is not None and other is not None

    # Act
    async with e.uow() as uow:
        seen = await visibility(uow, AGENT)
        answers = [
            await may_see(uow, AGENT, mine),
            await may_act_on(uow, AGENT, mine),
            await may_see(uow, AGENT, other),
            await may_act_on(uow, AGENT, other),
        ]

    # Assert
    assert seen is not None and seen.account_ids == frozenset({ACCOUNT})
    assert answers == [True, True, False, False]


async def test_a_viewer_reads_any_account_but_acting_on_it_is_forbidden(e: Embedded) -> None:
    # Act
    async with e.uow() as uow:
        read = await account_seen(uow, VIEWER, OTHER_ACCOUNT)
        with pytest.raises(Forbidden) as refused:
            await account_for(uow, VIEWER, OTHER_ACCOUNT)

    # Assert: Forbidden, not NotFound: the viewer can see the account exists
    assert read.id == OTHER_ACCOUNT
    assert refused.value.code == "FORBIDDEN"


async def test_an_unknown_account_is_not_found_for_a_viewer_too(e: Embedded) -> None:
    async with e.uow() as uow:
        with pytest.raises(NotFound):
            await account_seen(uow, VIEWER, "nope")
        with pytest.raises(NotFound):
            await account_for(uow, VIEWER, "nope")


async def test_another_owners_account_is_not_found_whether_read_or_changed(e: Embedded) -> None:
    async with e.uow() as uow:
        with pytest.raises(NotFound):
            await account_seen(uow, OWNER, OTHER_ACCOUNT)
        with pytest.raises(NotFound):
            await account_for(uow, OWNER, OTHER_ACCOUNT)


async def test_supervisors_read_and_act_on_any_account(e: Embedded) -> None:
    async with e.uow() as uow:
        for principal in (OFFICER, ADMIN, Principal.system()):
            assert (await account_seen(uow, principal, OTHER_ACCOUNT)).id == OTHER_ACCOUNT
            assert (await account_for(uow, principal, OTHER_ACCOUNT)).id == OTHER_ACCOUNT


@pytest.mark.parametrize("role", list(Role))
def test_only_the_viewer_is_read_only(role: Role) -> None:
    # Arrange
    principal = Principal("p", role)
    viewer = role is Role.VIEWER

    # Act / Assert
    assert is_read_only(principal) is viewer
    assert sees_everything(principal) is (
        role in {Role.VIEWER, Role.RISK_OFFICER, Role.ADMIN, Role.SYSTEM}
    )
    if viewer:
        with pytest.raises(Forbidden):
            ensure_may_change(principal)
    else:
        ensure_may_change(principal)  # no error
