from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.monte_carlo_conventions_out_returns import MonteCarloConventionsOutReturns
from typing import Literal, cast






T = TypeVar("T", bound="MonteCarloConventionsOut")



@_attrs_define
class MonteCarloConventionsOut:
    """ 
        Attributes:
            annual_return (str):
            returns (MonteCarloConventionsOutReturns):
            ruin (str):
            step (Literal['monthly']):
            wealth (str):
            withdrawals (str):
     """

    annual_return: str
    returns: MonteCarloConventionsOutReturns
    ruin: str
    step: Literal['monthly']
    wealth: str
    withdrawals: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        annual_return = self.annual_return

        returns = self.returns.value

        ruin = self.ruin

        step = self.step

        wealth = self.wealth

        withdrawals = self.withdrawals


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annual_return": annual_return,
            "returns": returns,
            "ruin": ruin,
            "step": step,
            "wealth": wealth,
            "withdrawals": withdrawals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_return = d.pop("annual_return")

        returns = MonteCarloConventionsOutReturns(d.pop("returns"))




        ruin = d.pop("ruin")

        step = cast(Literal['monthly'] , d.pop("step"))
        if step != 'monthly':
            raise ValueError(f"step must match const 'monthly', got '{step}'")

        wealth = d.pop("wealth")

        withdrawals = d.pop("withdrawals")

        monte_carlo_conventions_out = cls(
            annual_return=annual_return,
            returns=returns,
            ruin=ruin,
            step=step,
            wealth=wealth,
            withdrawals=withdrawals,
        )


        monte_carlo_conventions_out.additional_properties = d
        return monte_carlo_conventions_out

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
