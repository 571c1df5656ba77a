from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.evm_chain_out import EvmChainOut





T = TypeVar("T", bound="CryptoChainBlockOut")



@_attrs_define
class CryptoChainBlockOut:
    """ 
        Attributes:
            block (int | None):
            chain (EvmChainOut):
     """

    block: int | None
    chain: EvmChainOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.evm_chain_out import EvmChainOut # noqa: PLC0415
        block: int | None
        block = self.block

        chain = self.chain.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "block": block,
            "chain": chain,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evm_chain_out import EvmChainOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_block(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        block = _parse_block(d.pop("block"))


        chain = EvmChainOut.from_dict(d.pop("chain"))




        crypto_chain_block_out = cls(
            block=block,
            chain=chain,
        )


        crypto_chain_block_out.additional_properties = d
        return crypto_chain_block_out

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
