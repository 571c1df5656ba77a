"""The aggregator's records as Bulwark keeps them, under the item they came through."""

from __future__ import annotations

from datetime import date

from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedHolding,
    AggregatedTransaction,
    LinkedItem,
    account_id_for,
)
from ports.aggregation.aggregation import ProviderAccount, ProviderHolding, ProviderTransaction


def account_of(item: LinkedItem, account: ProviderAccount) -> AggregatedAccount:
    return AggregatedAccount(
        id=account_id_for(item.id, account.account_id),
        item_id=item.id,
        owner_id=item.owner_id,
        provider_account_id=account.account_id,
        name=account.name,
        mask=account.mask,
        type=account.type,
        subtype=account.subtype,
        current_balance=account.current_balance,
        currency=account.currency,
    )


def holding_of(item: LinkedItem, holding: ProviderHolding, as_of: date) -> AggregatedHolding:
    return AggregatedHolding(
        account_id=account_id_for(item.id, holding.account_id),
        security_id=holding.security_id,
        symbol=holding.symbol,
        name=holding.name,
        security_type=holding.security_type,
        quantity=holding.quantity,
        cost_basis=holding.cost_basis,
        institution_price=holding.institution_price,
        institution_value=holding.institution_value,
        currency=holding.currency,
        as_of=as_of,
    )


def transaction_of(item: LinkedItem, txn: ProviderTransaction) -> AggregatedTransaction:
    return AggregatedTransaction(
        id=txn.transaction_id,
        account_id=account_id_for(item.id, txn.account_id),
        item_id=item.id,
        day=txn.day,
        name=txn.name,
        amount=txn.amount,
        currency=txn.currency,
        pending=txn.pending,
    )
