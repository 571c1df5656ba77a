"""Brokers: where orders go (paper or Alpaca) and Alpaca's keys."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Secret, Section, SettingsError
from domain.killswitch.drill import BrokerFaults, UnknownFault


class BrokerSettings(Section, frozen=True, kw_only=True):
    """Where orders go: the paper broker or Alpaca (whose keys market data uses too)."""

    env_prefix: ClassVar[str] = ""

    broker: Literal["paper", "alpaca"] = "paper"
    # Kill-switch drills (docs/reliability.md): set, the paper broker shows these faults and
    # admins switch them at /api/v1/admin/drills/paper-faults; `none` or names joined by
    # commas (keep_on_cancel, delay_acks[=MS], drop_acks, reject_sends, disconnect). Unset:
    # no drill faults at all. Refused when BULWARK_ENV=prod.
    paper_faults: str | None = None
    alpaca_key_id: Secret | None = None
    alpaca_secret_key: Secret | None = None
    alpaca_paper: bool = True
    # Empty: Alpaca's paper or live trading API, as alpaca_paper says; set it for a test server.
    alpaca_trading_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] | None = None

    @property
    def alpaca_keys(self) -> int:
        """How many of Alpaca's key id and secret are set (0, 1 or 2)."""
        return (self.alpaca_key_id is not None) + (self.alpaca_secret_key is not None)

    def check(self) -> None:
        if self.paper_faults is not None:
            try:
                BrokerFaults.parse(self.paper_faults)
            except UnknownFault as exc:
                raise SettingsError(f"{self.var('paper_faults')}: {exc.message}") from None
        # The broker can take each account's keys from the vault: its settings keys are
        # optional, but given, they come as a pair.
        if self.broker == "alpaca" and self.alpaca_keys == 1:
            raise SettingsError(
                f"{self.var('alpaca_key_id')} and {self.var('alpaca_secret_key')} go together "
                f"when {self.var('broker')}=alpaca (or set neither: the vault's keys are used)"
            )
