"""Strategy CRUD: owner-scoped, optimistic, and `live` behind the owner's passcode."""

from __future__ import annotations

import dataclasses

import pytest

from application.strategies.service import PasscodeRequired, StrategyPatch
from domain.errors import ConcurrentUpdate, NotFound
from domain.killswitch.switch import ActivationLocked, WrongPasscode
from domain.strategies.definition import InvalidStrategy, StrategyMode
from ports.strategies.strategies import Verdict
from tests.unit.strategies.world import (
    LIVE_ACCOUNT,
    OTHER,
    OWNER,
    PAPER,
    PASSCODE,
    STRANGER,
    World,
    build_world,
    signal,
)


@pytest.fixture
async def w() -> World:
    world = await build_world()
    await world.e.killswitch.set_passcode(OWNER, PASSCODE)
    return world


async def test_a_strategy_is_created_listed_and_read_by_its_owner_only(w: World) -> None:
    # Act
    created = await w.create(StrategyMode.SHADOW)

    # Assert
    assert created.owner_id == OWNER.id and created.version == 0
    assert [s.id for s in await w.service.list_for(OWNER)] == [created.id]
    assert (await w.service.get(OWNER, created.id)).name == "breakouts"
    assert await w.service.list_for(STRANGER) == []
    with pytest.raises(NotFound):
        await w.service.get(STRANGER, created.id)


async def test_another_users_account_is_not_found(w: World) -> None:
    with pytest.raises(NotFound) as caught:
        await w.create(account_ids=(PAPER, OTHER))
    assert caught.value.field == "account_ids"


async def test_a_patch_applies_on_the_read_version_and_a_stale_one_conflicts(w: World) -> None:
    # Arrange
    created = await w.create(StrategyMode.OFF)

    # Act
    renamed = await w.service.update(OWNER, created.id, StrategyPatch(version=0, name="dips"))

    # Assert
    assert (renamed.name, renamed.version) == ("dips", 1)
    with pytest.raises(ConcurrentUpdate):
        await w.service.update(OWNER, created.id, StrategyPatch(version=0, name="again"))


async def test_an_invalid_patch_names_the_field(w: World) -> None:
    created = await w.create(StrategyMode.OFF)
    with pytest.raises(InvalidStrategy) as caught:
        await w.service.update(OWNER, created.id, StrategyPatch(version=0, account_ids=()))
    assert caught.value.field == "account_ids"


async def test_live_needs_the_owners_passcode(w: World) -> None:
    # Arrange
    created = await w.create(StrategyMode.PAPER)
    live = StrategyPatch(version=0, mode=StrategyMode.LIVE)

    # Act / Assert: without, then with a wrong passcode: refused and audited
    with pytest.raises(PasscodeRequired):
        await w.service.update(OWNER, created.id, live)
    with pytest.raises(WrongPasscode):
        await w.service.update(OWNER, created.id, dataclasses.replace(live, passcode="nope-nope"))
    assert (await w.service.get(OWNER, created.id)).mode is StrategyMode.PAPER

    # Act: the right passcode
    enabled = await w.service.update(
        OWNER, created.id, dataclasses.replace(live, passcode=PASSCODE)
    )

    # Assert
    assert enabled.mode is StrategyMode.LIVE
    outcomes = [e.outcome for e in await w.e.audit.entries(created.id)]
    assert "enabled" in outcomes and "refused: no passcode" in outcomes


async def test_wrong_live_passcodes_count_towards_the_kill_switch_lockout(w: World) -> None:
    created = await w.create(StrategyMode.PAPER)
    live = StrategyPatch(version=0, mode=StrategyMode.LIVE, passcode="wrong-wrong")
    for _ in range(w.e.killswitch.config.max_failures):
        with pytest.raises(WrongPasscode):
            await w.service.update(OWNER, created.id, live)
    with pytest.raises(ActivationLocked):
        await w.service.update(OWNER, created.id, dataclasses.replace(live, passcode=PASSCODE))


async def test_adding_an_account_to_a_live_strategy_needs_the_passcode(w: World) -> None:
    created = await w.create(StrategyMode.LIVE, passcode=PASSCODE)
    with pytest.raises(PasscodeRequired):
        await w.service.update(
            OWNER, created.id, StrategyPatch(version=0, account_ids=(PAPER, LIVE_ACCOUNT))
        )


async def test_decisions_page_newest_first_with_a_cursor(w: World) -> None:
    # Arrange: three signals, three decisions (the second and third skip: already long)
    created = await w.create(StrategyMode.SHADOW)
    for i in range(3):
        await w.processor.on_signal(signal(f"sig-{i}"))
        w.e.clock.advance(1)  # type: ignore[attr-defined]

    # Act
    first = await w.service.decisions(OWNER, created.id, limit=2)
    second = await w.service.decisions(OWNER, created.id, cursor=first.next_cursor, limit=2)

    # Assert
    ids = [d.trigger for d in first.items + second.items]
    assert ids == ["sig-2", "sig-1", "sig-0"]
    assert second.next_cursor is None
    assert [d.verdict for d in second.items] == [Verdict.SHADOW]
    with pytest.raises(NotFound):
        await w.service.decisions(STRANGER, created.id)


async def test_leaving_shadow_mode_drops_the_shadow_holdings(w: World) -> None:
    created = await w.create(StrategyMode.SHADOW)
    await w.processor.on_signal(signal())
    assert await w.holdings.get(created.id, PAPER, "AAPL") is not None

    await w.service.update(OWNER, created.id, StrategyPatch(version=0, mode=StrategyMode.PAPER))

    assert await w.holdings.get(created.id, PAPER, "AAPL") is None
