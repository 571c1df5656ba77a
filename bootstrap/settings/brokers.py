"""Brokers: where orders go (paper, Alpaca, a crypto venue through CCXT, Tradier or
Interactive Brokers) and their keys."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.ccxt_ids import has_testnet, unknown_exchange
from bootstrap.settings.base import Secret, Section, SettingsError
from domain.connections.connection import on_this_host
from domain.killswitch.drill import BrokerFaults, UnknownFault


class BrokerSettings(Section, frozen=True, kw_only=True):
    """Where orders go: the paper broker, Alpaca (whose keys market data uses too), a
    crypto venue through CCXT or Interactive Brokers."""

    env_prefix: ClassVar[str] = ""

    broker: Literal["paper", "alpaca", "ccxt", "tradier", "ibkr"] = "paper"
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
    # BULWARK_BROKER=ccxt: the exchange (a ccxt id: binance, kraken, coinbase, okx, ...), one
    # API key of it (the password is the passphrase some venues add), its sandbox (testnet)
    # instead of live, and the quote currency of cash and bare symbols ("BTC" is BTC/USDT).
    ccxt_exchange: str | None = None
    ccxt_api_key: Secret | None = None
    ccxt_secret: Secret | None = None
    ccxt_password: Secret | None = None
    ccxt_sandbox: bool = False
    ccxt_quote: Annotated[str, msgspec.Meta(pattern=r"^[A-Z0-9]{2,10}$")] = "USDT"
    # Empty: the exchange's own API; set it for a test server (every API of the exchange).
    ccxt_api_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] | None = None
    # BULWARK_BROKER=tradier: an access token and the brokerage account it trades (every
    # Bulwark account routed to tradier is that one), on Tradier's sandbox (paper) or live.
    tradier_token: Secret | None = None
    tradier_account_id: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9]{4,32}$")] | None = None
    tradier_sandbox: bool = True
    # Empty: Tradier's sandbox or live API, as tradier_sandbox says; set it for a test server.
    tradier_api_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] | None = None
    # BULWARK_BROKER=ibkr: the Client Portal Gateway's Web API (logged in by a person or
    # IBeam; it holds the session, so no key is set here), the IBKR account orders go to
    # (U..., DU... for paper), and how its certificate is checked: false for the gateway's
    # own self-signed one on this host, or the CA bundle that signed it.
    ibkr_gateway_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] = (
        "https://localhost:5000/v1/api"
    )
    ibkr_account_id: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9]{2,20}$")] | None = None
    ibkr_verify_ssl: bool = True
    ibkr_ca_file: str | None = None

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
        if self.broker == "ccxt":
            self._check_ccxt()
        if self.broker == "tradier" and (
            self.tradier_token is None or self.tradier_account_id is None
        ):
            raise SettingsError(
                f"{self.var('tradier_token')} and {self.var('tradier_account_id')} are needed "
                f"when {self.var('broker')}=tradier (an access token and its account number)"
            )
        if self.broker == "ibkr":
            self._check_ibkr()

    @property
    def ibkr_local(self) -> bool:
        """Whether the gateway is on this host (where its self-signed certificate may pass)."""
        return on_this_host(self.ibkr_gateway_url)

    def _check_ibkr(self) -> None:
        """The account is named, and the gateway's certificate is checked unless it is local."""
        broker = f"{self.var('broker')}=ibkr"
        if self.ibkr_account_id is None:
            raise SettingsError(
                f"{self.var('ibkr_account_id')} is needed when {broker} (the IBKR account "
                "orders go to, such as U1234567, or DU1234567 for a paper account)"
            )
        if self.ibkr_ca_file is not None and not self.ibkr_verify_ssl:
            raise SettingsError(
                f"{self.var('ibkr_ca_file')} verifies the gateway's certificate: it cannot go "
                f"with {self.var('ibkr_verify_ssl')}=false"
            )
        if self.ibkr_ca_file is not None and not Path(self.ibkr_ca_file).is_file():
            raise SettingsError(f"{self.var('ibkr_ca_file')}={self.ibkr_ca_file}: no such file")
        if self.ibkr_gateway_url.startswith("http://") and not self.ibkr_local:
            raise SettingsError(
                f"{self.var('ibkr_gateway_url')}: plain http only to a gateway on this host "
                "(localhost): the brokerage session would cross the network unencrypted"
            )

    def _check_ccxt(self) -> None:
        """The exchange is one ccxt knows, and its key and secret are both set."""
        exchange = self.ccxt_exchange
        if exchange is None:
            raise SettingsError(
                f"{self.var('ccxt_exchange')} is needed when {self.var('broker')}=ccxt "
                "(a ccxt exchange id such as binance or kraken)"
            )
        hint = unknown_exchange(exchange)
        if hint is not None:
            raise SettingsError(
                f"{self.var('ccxt_exchange')}={exchange} is not a ccxt exchange id ({hint})"
            )
        if self.ccxt_sandbox and not has_testnet(exchange):
            raise SettingsError(
                f"{self.var('ccxt_sandbox')}=true: {exchange} has no sandbox in ccxt "
                "(trade live with false, or pick a venue with a testnet such as binance or okx)"
            )
        if self.ccxt_api_key is None or self.ccxt_secret is None:
            raise SettingsError(
                f"{self.var('ccxt_api_key')} and {self.var('ccxt_secret')} are needed "
                f"when {self.var('broker')}=ccxt"
            )
