from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lot_method import LotMethod
from ..models.term import Term
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.harvest_lot_pick_out import HarvestLotPickOut
  from ..models.harvest_replacement_out import HarvestReplacementOut





T = TypeVar("T", bound="HarvestCandidateOut")



@_attrs_define
class HarvestCandidateOut:
    """ 
        Attributes:
            account_id (str):
            acquired (datetime.date):
            cost_basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            effective_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            loss (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            loss_fraction (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            lot_id (str):
            lot_method (LotMethod): Which lots a sale consumes unless the sale says otherwise
            market_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            portfolio_id (None | str):
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            rebuy_after (datetime.date): First day a repurchase does not wash the loss
            replacements (list[HarvestReplacementOut]):
            sell_with (list[HarvestLotPickOut]): lot_picks for a specific-identification sale
            symbol (str):
            tax_savings (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            term (Term): Holding term of a realized gain: LONG when held more than one year (IRS day count:
                    counting starts the day after acquisition, the sale day counts), else SHORT.
     """

    account_id: str
    acquired: datetime.date
    cost_basis: str
    effective_rate: str
    loss: str
    loss_fraction: str
    lot_id: str
    lot_method: LotMethod
    market_value: str
    portfolio_id: None | str
    price: str
    quantity: str
    rebuy_after: datetime.date
    replacements: list[HarvestReplacementOut]
    sell_with: list[HarvestLotPickOut]
    symbol: str
    tax_savings: str
    term: Term
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.harvest_lot_pick_out import HarvestLotPickOut # noqa: PLC0415
        from ..models.harvest_replacement_out import HarvestReplacementOut # noqa: PLC0415
        account_id = self.account_id

        acquired = self.acquired.isoformat()

        cost_basis = self.cost_basis

        effective_rate = self.effective_rate

        loss = self.loss

        loss_fraction = self.loss_fraction

        lot_id = self.lot_id

        lot_method = self.lot_method.value

        market_value = self.market_value

        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        price = self.price

        quantity = self.quantity

        rebuy_after = self.rebuy_after.isoformat()

        replacements = []
        for replacements_item_data in self.replacements:
            replacements_item = replacements_item_data.to_dict()
            replacements.append(replacements_item)



        sell_with = []
        for sell_with_item_data in self.sell_with:
            sell_with_item = sell_with_item_data.to_dict()
            sell_with.append(sell_with_item)



        symbol = self.symbol

        tax_savings = self.tax_savings

        term = self.term.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "acquired": acquired,
            "cost_basis": cost_basis,
            "effective_rate": effective_rate,
            "loss": loss,
            "loss_fraction": loss_fraction,
            "lot_id": lot_id,
            "lot_method": lot_method,
            "market_value": market_value,
            "portfolio_id": portfolio_id,
            "price": price,
            "quantity": quantity,
            "rebuy_after": rebuy_after,
            "replacements": replacements,
            "sell_with": sell_with,
            "symbol": symbol,
            "tax_savings": tax_savings,
            "term": term,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.harvest_lot_pick_out import HarvestLotPickOut # noqa: PLC0415
        from ..models.harvest_replacement_out import HarvestReplacementOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        acquired = datetime.date.fromisoformat(d.pop("acquired"))




        cost_basis = d.pop("cost_basis")

        effective_rate = d.pop("effective_rate")

        loss = d.pop("loss")

        loss_fraction = d.pop("loss_fraction")

        lot_id = d.pop("lot_id")

        lot_method = LotMethod(d.pop("lot_method"))




        market_value = d.pop("market_value")

        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        price = d.pop("price")

        quantity = d.pop("quantity")

        rebuy_after = datetime.date.fromisoformat(d.pop("rebuy_after"))




        replacements = []
        _replacements = d.pop("replacements")
        for replacements_item_data in (_replacements):
            replacements_item = HarvestReplacementOut.from_dict(replacements_item_data)



            replacements.append(replacements_item)


        sell_with = []
        _sell_with = d.pop("sell_with")
        for sell_with_item_data in (_sell_with):
            sell_with_item = HarvestLotPickOut.from_dict(sell_with_item_data)



            sell_with.append(sell_with_item)


        symbol = d.pop("symbol")

        tax_savings = d.pop("tax_savings")

        term = Term(d.pop("term"))




        harvest_candidate_out = cls(
            account_id=account_id,
            acquired=acquired,
            cost_basis=cost_basis,
            effective_rate=effective_rate,
            loss=loss,
            loss_fraction=loss_fraction,
            lot_id=lot_id,
            lot_method=lot_method,
            market_value=market_value,
            portfolio_id=portfolio_id,
            price=price,
            quantity=quantity,
            rebuy_after=rebuy_after,
            replacements=replacements,
            sell_with=sell_with,
            symbol=symbol,
            tax_savings=tax_savings,
            term=term,
        )


        harvest_candidate_out.additional_properties = d
        return harvest_candidate_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
