"""Contract of the identity and workspace repositories, on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.errors import ConcurrentUpdate, Conflict
from domain.identity import ApiKey, LoginThrottle, RefreshToken, ThrottlePolicy, User, digest
from domain.identity.permissions import Permission
from domain.principals import Role
from domain.workspaces import Workspace
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 3, 2, 14, 30, 5, 123456, tzinfo=UTC)
LAYOUT: dict[str, Any] = {
    "panels": [{"kind": "chart", "symbol": "AAPL", "w": 0.5, "pinned": True}],
    "theme": None,
    "grid": {"columns": 12, "gap": 1.25, "tabs": ["Übersicht", "リスク"]},
}


def _user(n: int = 1, username: str = "alice", **kw: Any) -> User:
    return User(f"usr-{n}", username, f"argon2-hash-{n}", Role.TRADER, T0, **kw)


def _token(n: int, family: str = "rtf-1", user: str = "usr-1", **kw: Any) -> RefreshToken:
    issued = T0 + timedelta(minutes=n)
    return RefreshToken(
        f"rt-{n}", family, user, digest(f"s{n}"), issued, issued + timedelta(7), **kw
    )


def _key(n: int, owner: str = "usr-1", **kw: Any) -> ApiKey:
    return ApiKey(f"ak-{n}", f"agent-{n}", owner, f"key {n}", digest(f"k{n}"), T0, **kw)


def _workspace(n: int, name: str, user: str = "usr-1", **kw: Any) -> Workspace:
    fields: dict[str, Any] = {"layout_json": {"n": n}, "is_default": False}
    fields.update(kw)
    return Workspace(f"ws-{n}", user, name, created_at=T0, updated_at=T0, **fields)


async def _save(store: StoreUnderTest, *objects: Any) -> None:
    async with store.uow() as uow:
        for obj in objects:
            repo = {
                User: uow.users,
                LoginThrottle: uow.login_throttles,
                RefreshToken: uow.refresh_tokens,
                ApiKey: uow.api_keys,
                Workspace: uow.workspaces,
            }[type(obj)]
            await repo.add(obj)
        await uow.commit()


# -- users -------------------------------------------------------------------------------
async def test_a_user_round_trips_every_field(store: StoreUnderTest) -> None:
    enrolled = _user(
        1,
        "Alice.B",
        mfa_enabled=True,
        mfa_secret="cipher-1",
        backup_code_digests=[digest("a"), digest("b")],
        pending_mfa_secret="cipher-2",
        pending_backup_code_digests=[digest("c")],
        last_totp_step=59_000_123,
    )
    plain = _user(2, "bob")
    await _save(store, enrolled, plain)

    async with store.uow() as uow:
        loaded = [await uow.users.get("usr-1"), await uow.users.get("usr-2")]

    assert [asdict(u) for u in loaded if u is not None] == [asdict(enrolled), asdict(plain)]
    assert loaded[0] is not None and loaded[0].role is Role.TRADER
    assert loaded[0].last_totp_step == 59_000_123


async def test_an_added_user_is_kept_only_by_commit(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        await uow.users.add(_user())
        seen_before_commit = await uow.users.get("usr-1")

    async with store.uow() as uow:
        kept = await uow.users.get("usr-1"), await uow.users.by_username("alice")

    assert (seen_before_commit, kept) == (None, (None, None))


async def test_usernames_are_looked_up_without_case_or_blanks(store: StoreUnderTest) -> None:
    await _save(store, _user(1, "Alice.B"))

    async with store.uow() as uow:
        found = await uow.users.by_username("  ALICE.b ")
        unknown = await uow.users.by_username("alice"), await uow.users.get("usr-9")

    assert found is not None and (found.id, found.username) == ("usr-1", "Alice.B")
    assert unknown == (None, None)


async def test_renaming_a_user_frees_the_old_name(store: StoreUnderTest) -> None:
    await _save(store, _user(1, "alice"))
    async with store.uow() as uow:
        user = await uow.users.get("usr-1")
        assert user is not None
        user.username = "alicia"
        await uow.users.add(user)
        await uow.commit()

    await _save(store, _user(2, "Alice"))

    async with store.uow() as uow:
        renamed, newcomer = (
            await uow.users.by_username("alicia"),
            await uow.users.by_username("alice"),
        )
    assert renamed is not None and renamed.id == "usr-1"
    assert newcomer is not None and newcomer.id == "usr-2"


async def test_a_taken_username_is_refused_at_commit(store: StoreUnderTest) -> None:
    if store.kind == "memory":
        pytest.skip("the in-memory twin leaves uniqueness to the application's by_username check")
    await _save(store, _user(1, "alice"))

    with pytest.raises(Conflict):
        await _save(store, _user(2, " ALICE"))

    async with store.uow() as uow:
        holder, rejected = await uow.users.by_username("alice"), await uow.users.get("usr-2")
    assert holder is not None and holder.id == "usr-1"
    assert rejected is None


async def test_changes_to_a_loaded_user_are_saved_without_add(store: StoreUnderTest) -> None:
    codes = [digest("aaaabbbbccccdddd"), digest("eeeeffffgggghhhh")]
    await _save(store, _user())
    async with store.uow() as uow:
        user = await uow.users.by_username("alice")
        assert user is not None
        user.change_password("argon2-new")
        user.begin_mfa_enrollment("cipher-secret", codes)
        user.activate_mfa()
        user.accept_totp_step(59_000_000)
        await uow.commit()
    async with store.uow() as uow:
        user = await uow.users.get("usr-1")
        assert user is not None
        spent = user.use_backup_code("aaaa-bbbb-cccc-dddd")  # changes the list in place
        await uow.commit()

    async with store.uow() as uow:
        saved = await uow.users.get("usr-1")

    assert spent and saved is not None
    assert (saved.password_hash, saved.mfa_enabled, saved.mfa_secret) == (
        "argon2-new",
        True,
        "cipher-secret",
    )
    assert (saved.backup_code_digests, saved.pending_mfa_secret) == ([codes[1]], None)
    assert saved.last_totp_step == 59_000_000


async def test_a_totp_step_moves_only_forward_across_concurrent_units_of_work(
    store: StoreUnderTest,
) -> None:
    # Arrange: two logins load the user before either has stored the code's step
    await _save(store, _user(last_totp_step=100))

    async with store.uow() as first, store.uow() as second:
        a = await first.users.get("usr-1")
        b = await second.users.get("usr-1")
        assert a is not None and b is not None

        # Act: both accept step 101; the first commits
        took_a = a.accept_totp_step(101)
        await first.commit()
        took_b = b.accept_totp_step(101)
        if took_b:  # a stale copy (SQL): the store refuses to write the step again
            with pytest.raises(ConcurrentUpdate):
                await second.commit()

    # Assert: exactly one login spent the step, and it is stored
    async with store.uow() as uow:
        saved = await uow.users.get("usr-1")
    assert took_a and saved is not None and saved.last_totp_step == 101
    assert store.kind != "memory" or not took_b  # in memory both hold the one shared object


async def test_a_stale_copy_that_did_not_use_a_code_keeps_the_stored_step(
    store: StoreUnderTest,
) -> None:
    await _save(store, _user())
    async with store.uow() as first, store.uow() as second:
        a, b = await first.users.get("usr-1"), await second.users.get("usr-1")
        assert a is not None and b is not None
        a.accept_totp_step(7)
        await first.commit()
        b.change_password("argon2-newer")  # no step change: a plain save
        await second.commit()

    async with store.uow() as uow:
        saved = await uow.users.get("usr-1")
    assert saved is not None and saved.password_hash == "argon2-newer"
    assert saved.last_totp_step == 7  # the stale copy did not turn the step back


async def test_users_are_listed_by_username_one_object_per_row(store: StoreUnderTest) -> None:
    await _save(store, _user(1, "carol"), _user(2, "Bob"), _user(3, "alice"))

    async with store.uow() as uow:
        listed = await uow.users.list()
        by_id, by_name = await uow.users.get("usr-3"), await uow.users.by_username("ALICE")

    assert [u.username for u in listed] == ["Bob", "alice", "carol"]
    assert by_id is by_name is listed[1]


# -- login throttles ------------------------------------------------------------------
async def test_a_login_throttle_round_trips_under_its_exact_key(store: StoreUnderTest) -> None:
    by_user = LoginThrottle("user:alice", [T0, T0 + timedelta(seconds=1, microseconds=7)])
    by_client = LoginThrottle("client:2001:db8::1", [T0])
    await _save(store, by_user, by_client)

    async with store.uow() as uow:
        found = [await uow.login_throttles.get(k) for k in ("user:alice", "client:2001:db8::1")]
        unknown = [await uow.login_throttles.get(k) for k in ("user:ALICE", "alice", "user:bob")]

    assert [asdict(t) for t in found if t is not None] == [asdict(by_user), asdict(by_client)]
    assert unknown == [None, None, None]


async def test_a_very_long_key_is_kept_whole(store: StoreUnderTest) -> None:
    key = "user:" + "ü" * 5000
    await _save(store, LoginThrottle(key, [T0]))

    async with store.uow() as uow:
        found = await uow.login_throttles.get(key)

    assert found is not None and found.key == key


async def test_throttle_failures_are_saved_without_add_and_kept_only_by_commit(
    store: StoreUnderTest,
) -> None:
    policy = ThrottlePolicy(1, timedelta(seconds=10), timedelta(seconds=10), timedelta(hours=1))
    async with store.uow() as uow:
        await uow.login_throttles.add(LoginThrottle("user:ghost"))
    await _save(store, LoginThrottle("user:alice"))
    async with store.uow() as uow:
        throttle = await uow.login_throttles.get("user:alice")
        assert throttle is not None
        throttle.record_failure(T0, policy)
        throttle.record_failure(T0 + timedelta(seconds=1), policy)
        await uow.commit()

    async with store.uow() as uow:
        saved = await uow.login_throttles.get("user:alice")
        ghost = await uow.login_throttles.get("user:ghost")

    assert saved is not None and saved.failures == [T0, T0 + timedelta(seconds=1)]
    assert saved.wait(T0 + timedelta(seconds=2), policy) == timedelta(seconds=9)
    assert ghost is None


# -- refresh tokens -------------------------------------------------------------------
async def test_a_refresh_token_round_trips_every_field(store: StoreUnderTest) -> None:
    fresh = _token(1)
    spent = _token(2, used_at=T0, replaced_by="rt-3", revoked_at=T0 + timedelta(hours=1))
    await _save(store, fresh, spent)

    async with store.uow() as uow:
        loaded = [await uow.refresh_tokens.get("rt-1"), await uow.refresh_tokens.get("rt-2")]
        unknown = await uow.refresh_tokens.get("rt-9")

    assert [asdict(t) for t in loaded if t is not None] == [asdict(fresh), asdict(spent)]
    assert unknown is None


async def test_refresh_tokens_are_found_by_family_and_by_user(store: StoreUnderTest) -> None:
    await _save(
        store,
        _token(1, "rtf-a", "usr-1"),
        _token(2, "rtf-a", "usr-1"),
        _token(3, "rtf-b", "usr-1"),
        _token(4, "rtf-c", "usr-2"),
    )

    async with store.uow() as uow:
        family = await uow.refresh_tokens.by_family("rtf-a")
        mine = await uow.refresh_tokens.by_user("usr-1")
        theirs = await uow.refresh_tokens.by_user("usr-2")
        none = await uow.refresh_tokens.by_family("rtf-x"), await uow.refresh_tokens.by_user("x")
        same = await uow.refresh_tokens.get("rt-2")

    assert sorted(t.id for t in family) == ["rt-1", "rt-2"]
    assert sorted(t.id for t in mine) == ["rt-1", "rt-2", "rt-3"]
    assert [t.id for t in theirs] == ["rt-4"]
    assert none == ([], [])
    assert same is next(t for t in family if t.id == "rt-2")


async def test_a_rotated_family_is_saved_without_add(store: StoreUnderTest) -> None:
    await _save(store, _token(1, "rtf-a"), _token(2, "rtf-a"))
    async with store.uow() as uow:
        first = await uow.refresh_tokens.get("rt-1")
        assert first is not None
        first.rotate("rt-2", T0)
        for token in await uow.refresh_tokens.by_family("rtf-a"):
            token.revoke(T0 + timedelta(seconds=1))
        await uow.commit()

    async with store.uow() as uow:
        family = sorted(await uow.refresh_tokens.by_family("rtf-a"), key=lambda t: t.id)

    assert [(t.used_at, t.replaced_by) for t in family] == [(T0, "rt-2"), (None, None)]
    assert all(t.revoked_at == T0 + timedelta(seconds=1) for t in family)


# -- revoked access tokens ------------------------------------------------------------
async def test_a_revoked_token_id_is_kept_only_by_commit(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        await uow.revoked_tokens.add("jti-lost", T0)
    async with store.uow() as uow:
        await uow.revoked_tokens.add("jti-1", T0)
        await uow.revoked_tokens.add("jti-1", T0 + timedelta(hours=1))  # a repeat is harmless
        before_commit = await uow.revoked_tokens.is_revoked("jti-1")
        await uow.commit()

    async with store.uow() as uow:
        revoked = [await uow.revoked_tokens.is_revoked(j) for j in ("jti-1", "jti-lost", "x")]

    assert (before_commit, revoked) == (False, [True, False, False])


async def test_a_revoked_family_revokes_every_token_id_given_with_it(
    store: StoreUnderTest,
) -> None:
    async with store.uow() as uow:
        await uow.revoked_tokens.add_family("rtf-lost", T0)
    async with store.uow() as uow:
        await uow.revoked_tokens.add_family("rtf-1", T0)
        await uow.revoked_tokens.add_family("rtf-1", T0 + timedelta(hours=1))  # a repeat
        before_commit = await uow.revoked_tokens.is_revoked("jti-9", "rtf-1")
        await uow.commit()

    async with store.uow() as uow:
        answers = [
            await uow.revoked_tokens.is_revoked("jti-9", "rtf-1"),
            await uow.revoked_tokens.is_revoked("jti-9"),  # no family named: the id alone
            await uow.revoked_tokens.is_revoked("jti-9", "rtf-2"),
            await uow.revoked_tokens.is_revoked("jti-9", "rtf-lost"),
            await uow.revoked_tokens.is_revoked("rtf-1"),  # a family id is not a token id
        ]

    assert (before_commit, answers) == (False, [True, False, False, False, False])


async def test_a_revoked_id_is_revoked_whatever_its_family(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        await uow.revoked_tokens.add("jti-1", T0)
        await uow.commit()

    async with store.uow() as uow:
        answers = [await uow.revoked_tokens.is_revoked("jti-1", f) for f in (None, "rtf-live")]

    assert answers == [True, True]


async def test_purge_forgets_expired_families_with_the_ids_and_counts_both(
    store: StoreUnderTest,
) -> None:
    async with store.uow() as uow:
        await uow.revoked_tokens.add("jti-old", T0 - timedelta(minutes=1))
        await uow.revoked_tokens.add_family("rtf-old", T0)
        await uow.revoked_tokens.add_family("rtf-live", T0 + timedelta(seconds=1))
        await uow.commit()

    async with store.uow() as uow:
        purged = await uow.revoked_tokens.purge(T0)
        await uow.commit()
    async with store.uow() as uow:
        left = [await uow.revoked_tokens.is_revoked("jti-x", f) for f in ("rtf-old", "rtf-live")]
        old_id = await uow.revoked_tokens.is_revoked("jti-old")

    assert (purged, left, old_id) == (2, [False, True], False)


async def test_purge_forgets_the_expired_ids_at_commit_and_counts_them(
    store: StoreUnderTest,
) -> None:
    async with store.uow() as uow:
        await uow.revoked_tokens.add("jti-old", T0 - timedelta(minutes=1))
        await uow.revoked_tokens.add("jti-now", T0)
        await uow.revoked_tokens.add("jti-live", T0 + timedelta(seconds=1))
        await uow.commit()
    async with store.uow() as uow:
        not_committed = await uow.revoked_tokens.purge(T0)
    async with store.uow() as uow:
        purged = await uow.revoked_tokens.purge(T0)
        await uow.commit()

    async with store.uow() as uow:
        left = [await uow.revoked_tokens.is_revoked(j) for j in ("jti-old", "jti-now", "jti-live")]
        again = await uow.revoked_tokens.purge(T0)

    assert (not_committed, purged, again) == (2, 2, 0)
    assert left == [False, False, True]


# -- API keys -------------------------------------------------------------------------
async def test_an_api_key_round_trips_every_field(store: StoreUnderTest) -> None:
    fresh = _key(1)
    used = _key(
        2, revoked_at=T0 + timedelta(days=1), last_used_at=T0 + timedelta(hours=2),
        scopes=frozenset({Permission.READ, Permission.HALT}),
    )  # fmt: skip
    await _save(store, fresh, used)

    async with store.uow() as uow:
        loaded = [await uow.api_keys.get("ak-1"), await uow.api_keys.get("ak-2")]
        unknown = await uow.api_keys.get("ak-9")

    assert [asdict(k) for k in loaded if k is not None] == [asdict(fresh), asdict(used)]
    assert unknown is None


async def test_api_keys_are_listed_per_owner_or_all(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        await uow.api_keys.add(_key(9, "usr-1"))  # never committed
    await _save(store, _key(1, "usr-1"), _key(2, "usr-2"), _key(3, "usr-1"))

    async with store.uow() as uow:
        mine = await uow.api_keys.list("usr-1")
        everyone = await uow.api_keys.list()
        nobody = await uow.api_keys.list("usr-3")
        one = await uow.api_keys.get("ak-3")

    assert sorted(k.id for k in mine) == ["ak-1", "ak-3"]
    assert sorted(k.id for k in everyone) == ["ak-1", "ak-2", "ak-3"]
    assert nobody == []
    assert one is next(k for k in everyone if k.id == "ak-3")


async def test_revoking_and_touching_a_loaded_key_is_saved_without_add(
    store: StoreUnderTest,
) -> None:
    await _save(store, _key(1), _key(2))
    async with store.uow() as uow:
        revoked, touched = await uow.api_keys.get("ak-1"), await uow.api_keys.get("ak-2")
        assert revoked is not None and touched is not None
        revoked.revoke(T0 + timedelta(hours=1))
        touched.touch(T0 + timedelta(hours=2))
        await uow.commit()

    async with store.uow() as uow:
        saved = {k.id: (k.revoked_at, k.last_used_at) for k in await uow.api_keys.list()}

    assert saved == {
        "ak-1": (T0 + timedelta(hours=1), None),
        "ak-2": (None, T0 + timedelta(hours=2)),
    }


# -- workspaces -----------------------------------------------------------------------
async def test_a_workspace_round_trips_with_its_layout(store: StoreUnderTest) -> None:
    workspace = _workspace(1, "Trading desk", layout_json=LAYOUT, is_default=True)
    await _save(store, workspace)

    async with store.uow() as uow:
        loaded = await uow.workspaces.get("ws-1")
        unknown = await uow.workspaces.get("ws-9")

    assert loaded is not None and asdict(loaded) == asdict(workspace)
    assert loaded.layout_json == LAYOUT
    assert unknown is None


async def test_workspaces_are_listed_by_name_for_one_user(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        await uow.workspaces.add(_workspace(9, "Aaa"))  # never committed
    await _save(
        store,
        _workspace(1, "risk"),
        _workspace(2, "Overview"),
        _workspace(3, "alpha", user="usr-2"),
        _workspace(4, "Charts"),
    )

    async with store.uow() as uow:
        mine = await uow.workspaces.list("usr-1")
        theirs = await uow.workspaces.list("usr-2")
        nobody = await uow.workspaces.list("usr-3")
        one = await uow.workspaces.get("ws-2")

    assert [w.workspace_name for w in mine] == ["Charts", "Overview", "risk"]
    assert [w.id for w in theirs] == ["ws-3"]
    assert nobody == []
    assert one is mine[1]


async def test_layout_changes_to_a_loaded_workspace_are_saved_without_add(
    store: StoreUnderTest,
) -> None:
    await _save(store, _workspace(1, "main", layout_json={"panels": []}), _workspace(2, "other"))
    async with store.uow() as uow:
        main, other = await uow.workspaces.get("ws-1"), await uow.workspaces.get("ws-2")
        assert main is not None and other is not None
        main.layout_json["panels"].append({"kind": "blotter"})  # in place
        other.update_layout({"replaced": True}, T0 + timedelta(hours=1))
        other.set_default(True, T0 + timedelta(hours=2))
        await uow.commit()

    async with store.uow() as uow:
        saved = {w.id: w for w in await uow.workspaces.list("usr-1")}

    assert saved["ws-1"].layout_json == {"panels": [{"kind": "blotter"}]}
    assert (saved["ws-2"].layout_json, saved["ws-2"].is_default) == ({"replaced": True}, True)
    assert saved["ws-2"].updated_at == T0 + timedelta(hours=2)


async def test_removing_a_workspace_applies_at_commit_and_unknown_ids_are_ignored(
    store: StoreUnderTest,
) -> None:
    await _save(store, _workspace(1, "a"), _workspace(2, "b"))
    async with store.uow() as uow:
        await uow.workspaces.remove("ws-1")
    async with store.uow() as uow:
        kept_without_commit = [w.id for w in await uow.workspaces.list("usr-1")]

    async with store.uow() as uow:
        await uow.workspaces.remove("ws-1")
        await uow.workspaces.remove("ws-unknown")
        await uow.commit()

    async with store.uow() as uow:
        left = [w.id for w in await uow.workspaces.list("usr-1")]
        gone = await uow.workspaces.get("ws-1")
    assert (kept_without_commit, left, gone) == (["ws-1", "ws-2"], ["ws-2"], None)
