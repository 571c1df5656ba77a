from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.deleverage_step_out import DeleverageStepOut





T = TypeVar("T", bound="DeleveragePlanOut")



@_attrs_define
class DeleveragePlanOut:
    """ 
        Attributes:
            account_id (str):
            buffer_after (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            buffer_before (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            explanation (list[str]):
            maintenance_after (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            maintenance_before (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            maintenance_released (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            reaches_target (bool):
            steps (list[DeleverageStepOut]):
            target_buffer (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
     """

    account_id: str
    buffer_after: str
    buffer_before: str
    equity: str
    explanation: list[str]
    maintenance_after: str
    maintenance_before: str
    maintenance_released: str
    reaches_target: bool
    steps: list[DeleverageStepOut]
    target_buffer: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deleverage_step_out import DeleverageStepOut # noqa: PLC0415
        account_id = self.account_id

        buffer_after = self.buffer_after

        buffer_before = self.buffer_before

        equity = self.equity

        explanation = self.explanation



        maintenance_after = self.maintenance_after

        maintenance_before = self.maintenance_before

        maintenance_released = self.maintenance_released

        reaches_target = self.reaches_target

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        target_buffer = self.target_buffer


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "buffer_after": buffer_after,
            "buffer_before": buffer_before,
            "equity": equity,
            "explanation": explanation,
            "maintenance_after": maintenance_after,
            "maintenance_before": maintenance_before,
            "maintenance_released": maintenance_released,
            "reaches_target": reaches_target,
            "steps": steps,
            "target_buffer": target_buffer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deleverage_step_out import DeleverageStepOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        buffer_after = d.pop("buffer_after")

        buffer_before = d.pop("buffer_before")

        equity = d.pop("equity")

        explanation = cast(list[str], d.pop("explanation"))


        maintenance_after = d.pop("maintenance_after")

        maintenance_before = d.pop("maintenance_before")

        maintenance_released = d.pop("maintenance_released")

        reaches_target = d.pop("reaches_target")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = DeleverageStepOut.from_dict(steps_item_data)



            steps.append(steps_item)


        target_buffer = d.pop("target_buffer")

        deleverage_plan_out = cls(
            account_id=account_id,
            buffer_after=buffer_after,
            buffer_before=buffer_before,
            equity=equity,
            explanation=explanation,
            maintenance_after=maintenance_after,
            maintenance_before=maintenance_before,
            maintenance_released=maintenance_released,
            reaches_target=reaches_target,
            steps=steps,
            target_buffer=target_buffer,
        )


        deleverage_plan_out.additional_properties = d
        return deleverage_plan_out

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
