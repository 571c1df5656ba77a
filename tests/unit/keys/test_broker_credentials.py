"""BrokerCredentialService: a view over the vault (the key linked to the account)."""

from __future__ import annotations

import pytest

from application.keys.broker_credentials import InvalidBrokerCredentials, SetBrokerCredentials
from domain.errors import Forbidden, NotFound
from domain.keys.keys import mask_key_id
from domain.principals import Principal
from tests.unit.keys.world import ACCOUNT, AGENT, KEY_ID, OWNER, SECRET, STRANGER, world


def put(principal: Principal = OWNER, **fields: object) -> SetBrokerCredentials:
    values: dict[str, object] = {
        "broker": "alpaca",
        "key_id": KEY_ID,
        "secret_key": SECRET,
        "paper": True,
        **fields,
    }
    return SetBrokerCredentials(principal, ACCOUNT, **values)  # type: ignore[arg-type]


async def test_put_stores_a_linked_vault_key_the_broker_reads_through_use() -> None:
    # Arrange
    w = await world()

    # Act
    info = await w.credentials.set(put())
    material = await w.vault.use_linked(ACCOUNT, "alpaca", "broker.alpaca")

    # Assert
    keys = await w.vault.list(OWNER)
    assert [(k.account_id, k.provider, k.scopes) for k in keys] == [
        (ACCOUNT, "alpaca", ("account_read", "trading"))
    ]
    assert (info.key_hint, info.broker, info.paper) == ("PK…7XQ", "alpaca", True)
    assert material is not None and material.current.secret == SECRET
    assert w.changed == [ACCOUNT]


async def test_a_second_put_rotates_the_linked_key() -> None:
    # Arrange
    w = await world()
    await w.credentials.set(put())

    # Act
    info = await w.credentials.set(
        put(key_id="PKROTATED0000000ABCD", secret_key="new-1", paper=False)
    )

    # Assert
    keys = await w.vault.list(OWNER)
    assert len(keys) == 1 and keys[0].previous is not None
    assert (info.key_hint, info.paper) == (mask_key_id("PKROTATED0000000ABCD"), False)
    material = await w.vault.use_linked(ACCOUNT, "alpaca", "broker.alpaca")
    assert material is not None and material.current.secret == "new-1"


async def test_show_and_remove_and_the_errors() -> None:
    # Arrange
    w = await world()
    await w.credentials.set(put())

    # Act
    shown = await w.credentials.show(OWNER, ACCOUNT)
    await w.credentials.remove(OWNER, ACCOUNT)

    # Assert
    assert shown.key_hint == "PK…7XQ"
    with pytest.raises(NotFound, match="no broker credentials"):
        await w.credentials.show(OWNER, ACCOUNT)
    with pytest.raises(NotFound):
        await w.credentials.set(put(STRANGER))
    with pytest.raises(Forbidden):
        await w.credentials.set(put(AGENT))
    with pytest.raises(InvalidBrokerCredentials, match="broker"):
        await w.credentials.set(put(broker="ibkr"))
    assert await w.vault.use_linked(ACCOUNT, "alpaca", "broker.alpaca") is None
