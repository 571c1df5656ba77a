from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.term import Term
from typing import cast

if TYPE_CHECKING:
  from ..models.harvest_wash_block_out import HarvestWashBlockOut





T = TypeVar("T", bound="HarvestBlockedLotOut")



@_attrs_define
class HarvestBlockedLotOut:
    """ 
        Attributes:
            account_id (str):
            blocks (list[HarvestWashBlockOut]):
            loss (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            lot_id (str):
            symbol (str):
            term (Term): Holding term of a realized gain: LONG when held more than one year (IRS day count:
                    counting starts the day after acquisition, the sale day counts), else SHORT.
     """

    account_id: str
    blocks: list[HarvestWashBlockOut]
    loss: str
    lot_id: str
    symbol: str
    term: Term
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.harvest_wash_block_out import HarvestWashBlockOut # noqa: PLC0415
        account_id = self.account_id

        blocks = []
        for blocks_item_data in self.blocks:
            blocks_item = blocks_item_data.to_dict()
            blocks.append(blocks_item)



        loss = self.loss

        lot_id = self.lot_id

        symbol = self.symbol

        term = self.term.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "blocks": blocks,
            "loss": loss,
            "lot_id": lot_id,
            "symbol": symbol,
            "term": term,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.harvest_wash_block_out import HarvestWashBlockOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        blocks = []
        _blocks = d.pop("blocks")
        for blocks_item_data in (_blocks):
            blocks_item = HarvestWashBlockOut.from_dict(blocks_item_data)



            blocks.append(blocks_item)


        loss = d.pop("loss")

        lot_id = d.pop("lot_id")

        symbol = d.pop("symbol")

        term = Term(d.pop("term"))




        harvest_blocked_lot_out = cls(
            account_id=account_id,
            blocks=blocks,
            loss=loss,
            lot_id=lot_id,
            symbol=symbol,
            term=term,
        )


        harvest_blocked_lot_out.additional_properties = d
        return harvest_blocked_lot_out

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
