"""An erased person's audit entries rewritten to name no one: the username, email and client
addresses replaced, nothing of anyone else's touched, and the chain still verifying."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from application.core.audit_chain import (
    GENESIS,
    REDACT_ACTION,
    ChainWalker,
    chained,
    redaction_digest,
    storable,
)
from application.privacy.audit_redaction import ErasedPerson, Pseudonymiser
from domain.privacy.personal_data import pseudonym
from ports.core.audit import ChainedEntry
from ports.core.events import AuditEntry

AT = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)
ALICE = ErasedPerson("usr-1", "alice", "alice@x.test", pseudonym("usr-1"))


def _entry(actor: str, target: str, ip: str | None = None, **details: object) -> AuditEntry:
    return AuditEntry(actor, "auth.login", target, "refused", AT, details, ip=ip)


def test_a_login_attempt_names_no_one_and_its_address_is_keyed() -> None:
    # Arrange
    rewriter = Pseudonymiser(ALICE)
    entry = _entry("alice", "login:alice", "203.0.113.7", client="203.0.113.7", reason="bad")

    # Act
    rewritten = rewriter.rewrite(entry)

    # Assert
    assert rewritten.actor == ALICE.pseudonym
    assert rewritten.target == f"login:{ALICE.pseudonym}"
    assert rewritten.ip is not None and rewritten.ip.startswith("erased-")
    assert rewritten.details == {"client": rewritten.ip, "reason": "bad"}
    assert "alice" not in repr(rewritten) and "203.0.113.7" not in repr(rewritten)


def test_an_admins_entry_about_the_person_keeps_the_admins_address() -> None:
    # Arrange: an admin created alice; the admin's address is not alice's
    rewriter = Pseudonymiser(ALICE)
    entry = AuditEntry(
        "usr-admin",
        "user.create",
        "user:usr-1",
        "ok",
        AT,
        {"username": "alice", "email": "alice@x.test", "role": "owner"},
        ip="192.0.2.9",
    )

    # Act
    rewritten = rewriter.rewrite(entry)

    # Assert
    assert rewritten.actor == "usr-admin" and rewritten.ip == "192.0.2.9"
    assert rewritten.details == {
        "username": ALICE.pseudonym,
        "email": ALICE.pseudonym,
        "role": "owner",
    }


def test_an_entry_naming_someone_else_is_left_as_it_is() -> None:
    # Arrange
    entry = _entry("bob", "login:bob", "198.51.100.1", client="198.51.100.1")

    # Act / Assert
    assert Pseudonymiser(ALICE).rewrite(entry) is entry


def test_two_erasures_key_the_same_address_apart() -> None:
    # Arrange
    entry = _entry("usr-1", "login:alice", "203.0.113.7")

    # Act
    first, second = (Pseudonymiser(ALICE).rewrite(entry) for _ in range(2))

    # Assert: no address can be matched across erasures, or to the address itself
    assert first.ip != second.ip


@given(
    seqs=st.sets(st.integers(min_value=1, max_value=12), max_size=12),
    names=st.lists(st.sampled_from(["alice", "bob"]), min_size=12, max_size=12),
)
def test_any_set_of_rewritten_entries_keeps_the_chain_verifying(
    seqs: set[int], names: list[str]
) -> None:
    # Arrange: a chain of 12 login attempts by alice and bob
    links: list[ChainedEntry] = []
    for seq, name in enumerate(names, start=1):
        entry = storable(_entry(name, f"login:{name}", "203.0.113.7", client="203.0.113.7"))
        links.append(chained(seq, entry, links[-1].hash if links else GENESIS))
    rewriter = Pseudonymiser(ALICE)

    # Act: alice's entries among `seqs` rewritten and committed by seq 13
    rewritten = {
        link.seq: dataclasses.replace(link, entry=storable(rewriter.rewrite(link.entry)))
        for link in links
        if link.seq in seqs and link.entry.actor == "alice"
    }
    details = {"entries": len(rewritten), "digest": redaction_digest(rewritten.values())}
    commit = storable(AuditEntry("usr-admin", REDACT_ACTION, "user:usr-1", "ok", AT, details))
    stored = [
        dataclasses.replace(rewritten[link.seq], redacted_by=13) if link.seq in rewritten else link
        for link in links
    ]
    stored.append(chained(13, commit, links[-1].hash))
    walker = ChainWalker()

    # Assert
    assert walker.feed(stored) is None and walker.finish() is None
    assert walker.checked == 13
    for seq in rewritten:
        assert "alice" not in repr(stored[seq - 1].entry)
