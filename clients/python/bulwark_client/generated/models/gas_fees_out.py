from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.block_fees_out import BlockFeesOut
  from ..models.evm_chain_out import EvmChainOut
  from ..models.gas_fees_out_conventions import GasFeesOutConventions
  from ..models.percentile_fee_out import PercentileFeeOut





T = TypeVar("T", bound="GasFeesOut")



@_attrs_define
class GasFeesOut:
    """ 
        Attributes:
            blocks (list[BlockFeesOut]):
            chain (EvmChainOut):
            conventions (GasFeesOutConventions):
            gas_price (None | str):
            method (str): eth_feeHistory, or eth_gasPrice
            newest_block (int | None):
            next_base_fee (None | str):
            percentiles (list[PercentileFeeOut]):
     """

    blocks: list[BlockFeesOut]
    chain: EvmChainOut
    conventions: GasFeesOutConventions
    gas_price: None | str
    method: str
    newest_block: int | None
    next_base_fee: None | str
    percentiles: list[PercentileFeeOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.block_fees_out import BlockFeesOut # noqa: PLC0415
        from ..models.evm_chain_out import EvmChainOut # noqa: PLC0415
        from ..models.gas_fees_out_conventions import GasFeesOutConventions # noqa: PLC0415
        from ..models.percentile_fee_out import PercentileFeeOut # noqa: PLC0415
        blocks = []
        for blocks_item_data in self.blocks:
            blocks_item = blocks_item_data.to_dict()
            blocks.append(blocks_item)



        chain = self.chain.to_dict()

        conventions = self.conventions.to_dict()

        gas_price: None | str
        gas_price = self.gas_price

        method = self.method

        newest_block: int | None
        newest_block = self.newest_block

        next_base_fee: None | str
        next_base_fee = self.next_base_fee

        percentiles = []
        for percentiles_item_data in self.percentiles:
            percentiles_item = percentiles_item_data.to_dict()
            percentiles.append(percentiles_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "blocks": blocks,
            "chain": chain,
            "conventions": conventions,
            "gas_price": gas_price,
            "method": method,
            "newest_block": newest_block,
            "next_base_fee": next_base_fee,
            "percentiles": percentiles,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.block_fees_out import BlockFeesOut # noqa: PLC0415
        from ..models.evm_chain_out import EvmChainOut # noqa: PLC0415
        from ..models.gas_fees_out_conventions import GasFeesOutConventions # noqa: PLC0415
        from ..models.percentile_fee_out import PercentileFeeOut # noqa: PLC0415
        d = dict(src_dict)
        blocks = []
        _blocks = d.pop("blocks")
        for blocks_item_data in (_blocks):
            blocks_item = BlockFeesOut.from_dict(blocks_item_data)



            blocks.append(blocks_item)


        chain = EvmChainOut.from_dict(d.pop("chain"))




        conventions = GasFeesOutConventions.from_dict(d.pop("conventions"))




        def _parse_gas_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gas_price = _parse_gas_price(d.pop("gas_price"))


        method = d.pop("method")

        def _parse_newest_block(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        newest_block = _parse_newest_block(d.pop("newest_block"))


        def _parse_next_base_fee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_base_fee = _parse_next_base_fee(d.pop("next_base_fee"))


        percentiles = []
        _percentiles = d.pop("percentiles")
        for percentiles_item_data in (_percentiles):
            percentiles_item = PercentileFeeOut.from_dict(percentiles_item_data)



            percentiles.append(percentiles_item)


        gas_fees_out = cls(
            blocks=blocks,
            chain=chain,
            conventions=conventions,
            gas_price=gas_price,
            method=method,
            newest_block=newest_block,
            next_base_fee=next_base_fee,
            percentiles=percentiles,
        )


        gas_fees_out.additional_properties = d
        return gas_fees_out

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
