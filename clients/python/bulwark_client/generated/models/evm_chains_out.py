from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.evm_chain_out import EvmChainOut





T = TypeVar("T", bound="EvmChainsOut")



@_attrs_define
class EvmChainsOut:
    """ 
        Attributes:
            chains (list[EvmChainOut]):
            source (str):
     """

    chains: list[EvmChainOut]
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.evm_chain_out import EvmChainOut # noqa: PLC0415
        chains = []
        for chains_item_data in self.chains:
            chains_item = chains_item_data.to_dict()
            chains.append(chains_item)



        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "chains": chains,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evm_chain_out import EvmChainOut # noqa: PLC0415
        d = dict(src_dict)
        chains = []
        _chains = d.pop("chains")
        for chains_item_data in (_chains):
            chains_item = EvmChainOut.from_dict(chains_item_data)



            chains.append(chains_item)


        source = d.pop("source")

        evm_chains_out = cls(
            chains=chains,
            source=source,
        )


        evm_chains_out.additional_properties = d
        return evm_chains_out

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
