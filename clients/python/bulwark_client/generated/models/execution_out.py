from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.proposal_out import ProposalOut
  from ..models.rebalance_order_out import RebalanceOrderOut





T = TypeVar("T", bound="ExecutionOut")



@_attrs_define
class ExecutionOut:
    """ 
        Attributes:
            orders (list[RebalanceOrderOut]):
            proposal (ProposalOut):
            replayed (bool):
     """

    orders: list[RebalanceOrderOut]
    proposal: ProposalOut
    replayed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.proposal_out import ProposalOut # noqa: PLC0415
        from ..models.rebalance_order_out import RebalanceOrderOut # noqa: PLC0415
        orders = []
        for orders_item_data in self.orders:
            orders_item = orders_item_data.to_dict()
            orders.append(orders_item)



        proposal = self.proposal.to_dict()

        replayed = self.replayed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "orders": orders,
            "proposal": proposal,
            "replayed": replayed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_out import ProposalOut # noqa: PLC0415
        from ..models.rebalance_order_out import RebalanceOrderOut # noqa: PLC0415
        d = dict(src_dict)
        orders = []
        _orders = d.pop("orders")
        for orders_item_data in (_orders):
            orders_item = RebalanceOrderOut.from_dict(orders_item_data)



            orders.append(orders_item)


        proposal = ProposalOut.from_dict(d.pop("proposal"))




        replayed = d.pop("replayed")

        execution_out = cls(
            orders=orders,
            proposal=proposal,
            replayed=replayed,
        )


        execution_out.additional_properties = d
        return execution_out

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
