"""Broker credential DTOs: the key pair comes in once; only a masked key id ever goes out."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Output
from application.keys.broker_credentials import (
    MAX_KEY_LENGTH,
    CredentialsInfo,
    SetBrokerCredentials,
)
from domain.principals import Principal

# Printable, no spaces: what Alpaca's key ids and secrets are made of.
_KEY = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_KEY_LENGTH, pattern=r"^\S+$")]


class BrokerCredentialsIn(Input):
    """The account's broker key pair (stored encrypted, never shown again)."""

    broker: Literal["alpaca"]
    key_id: _KEY
    secret_key: _KEY
    paper: bool = True

    def __repr__(self) -> str:
        return f"BrokerCredentialsIn(broker={self.broker!r}, paper={self.paper})"

    def to_command(self, principal: Principal, account_id: str) -> SetBrokerCredentials:
        return self.into(SetBrokerCredentials, principal=principal, account_id=account_id)


class BrokerCredentialsOut(Output):
    """What is stored, without the secret: the key id is masked (`PK…7XQ`)."""

    account_id: str
    broker: str
    key_id: str
    paper: bool
    updated_at: datetime

    @classmethod
    def from_domain(cls, info: CredentialsInfo) -> BrokerCredentialsOut:
        return cls.from_attributes(info, key_id=info.key_hint)
