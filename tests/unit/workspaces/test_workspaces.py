"""Saved workspaces: create and update by name, one default at a time, ownership, layout limits."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.identity.workspaces import SaveWorkspace, WorkspaceService
from domain.errors import NotFound
from domain.principals import Principal, Role
from domain.workspaces import InvalidWorkspace, Workspace

ALICE = Principal("u-1", Role.OWNER)
BOB = Principal("u-2", Role.TRADER)
LAYOUT: dict[str, Any] = {"panels": [{"kind": "chart", "symbol": "AAPL", "w": 6}], "theme": "dark"}


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


@pytest.fixture
def service(store: InMemoryStore, clock: FakeClock) -> WorkspaceService:
    return WorkspaceService(
        unit_of_work_factory(store), clock, SequentialIds(), max_layout_bytes=1024
    )


async def save(
    service: WorkspaceService,
    name: str,
    *,
    principal: Principal = ALICE,
    layout: dict[str, Any] | None = None,
    is_default: bool = False,
) -> Workspace:
    return await service.save(SaveWorkspace(principal, name, layout or LAYOUT, is_default))


def nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def defaults(store: InMemoryStore, user_id: str) -> list[str]:
    return [
        w.workspace_name for w in store.workspaces.values() if w.user_id == user_id and w.is_default
    ]


async def test_the_first_workspace_is_the_default(service: WorkspaceService) -> None:
    saved = await save(service, "Trading")

    default = await service.default(ALICE)

    assert default.id == saved.id
    assert (default.workspace_name, default.layout_json, default.is_default) == (
        "Trading",
        LAYOUT,
        True,
    )


async def test_saving_under_an_existing_name_updates_that_workspace(
    service: WorkspaceService, clock: FakeClock
) -> None:
    first = await save(service, "Trading")
    clock.advance(timedelta(minutes=5))

    second = await save(service, "  Trading ", layout={"panels": []})

    assert second.id == first.id
    [only] = await service.list(ALICE)
    assert only.layout_json == {"panels": []}
    assert (only.created_at, only.updated_at) == (first.created_at, clock.now())


async def test_a_new_default_unsets_the_previous_one(
    service: WorkspaceService, store: InMemoryStore
) -> None:
    await save(service, "Trading")
    await save(service, "Research")
    assert defaults(store, ALICE.id) == ["Trading"]

    await save(service, "Research", is_default=True)

    assert defaults(store, ALICE.id) == ["Research"]
    assert (await service.default(ALICE)).workspace_name == "Research"


async def test_each_user_has_their_own_default(
    service: WorkspaceService, store: InMemoryStore
) -> None:
    await save(service, "Trading")
    await save(service, "Mine", principal=BOB, is_default=True)

    assert defaults(store, ALICE.id) == ["Trading"]
    assert defaults(store, BOB.id) == ["Mine"]
    assert [w.workspace_name for w in await service.list(BOB)] == ["Mine"]


async def test_no_workspace_means_no_default(service: WorkspaceService) -> None:
    with pytest.raises(NotFound):
        await service.default(ALICE)


async def test_list_is_by_name(service: WorkspaceService) -> None:
    for name in ("Zeta", "Alpha", "Mid"):
        await save(service, name)

    names = [w.workspace_name for w in await service.list(ALICE)]

    assert names == ["Alpha", "Mid", "Zeta"]


async def test_deleting_the_default_promotes_the_latest_updated_other(
    service: WorkspaceService, clock: FakeClock, store: InMemoryStore
) -> None:
    trading = await save(service, "Trading")
    clock.advance(1)
    await save(service, "Research")
    clock.advance(1)
    await save(service, "Options")

    await service.delete(ALICE, trading.id)

    assert [w.workspace_name for w in await service.list(ALICE)] == ["Options", "Research"]
    assert defaults(store, ALICE.id) == ["Options"]


async def test_another_users_workspace_is_not_found(
    service: WorkspaceService, store: InMemoryStore
) -> None:
    theirs = await save(service, "Secret", principal=BOB)

    with pytest.raises(NotFound):
        await service.delete(ALICE, theirs.id)
    with pytest.raises(NotFound):
        await service.get(ALICE, theirs.id)

    assert theirs.id in store.workspaces


async def test_an_oversize_layout_is_refused(service: WorkspaceService) -> None:
    big = {"notes": "x" * 1024}

    with pytest.raises(InvalidWorkspace) as raised:
        await save(service, "Huge", layout=big)

    assert raised.value.code == "INVALID_WORKSPACE"
    assert await service.list(ALICE) == []


@pytest.mark.parametrize(
    "layout",
    [
        {"bad": float("nan")},
        {"bad": {1, 2}},
        {1: "non-string key"},
        {"deep": nested(40)},
    ],
)
async def test_a_layout_that_is_not_plain_json_is_refused(
    service: WorkspaceService, layout: dict[str, Any]
) -> None:
    with pytest.raises(InvalidWorkspace):
        await save(service, "Bad", layout=layout)


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, "tab\there"])
async def test_an_unusable_name_is_refused(service: WorkspaceService, name: str) -> None:
    with pytest.raises(InvalidWorkspace):
        await save(service, name)


async def test_the_saved_layout_is_a_copy_of_the_callers(service: WorkspaceService) -> None:
    layout: dict[str, Any] = {"panels": ["chart"]}
    await save(service, "Trading", layout=layout)

    layout["panels"].append("blotter")

    assert (await service.default(ALICE)).layout_json == {"panels": ["chart"]}
