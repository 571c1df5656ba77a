from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.verdict_out import VerdictOut





T = TypeVar("T", bound="CommonDecisionOut")



@_attrs_define
class CommonDecisionOut:
    """ 
        Attributes:
            approved (bool):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            reasons (list[str]):
            requested_quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            verdicts (list[VerdictOut]):
            warnings (list[str]):
            holds (list[str] | Unset):
     """

    approved: bool
    quantity: str
    reasons: list[str]
    requested_quantity: str
    verdicts: list[VerdictOut]
    warnings: list[str]
    holds: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.verdict_out import VerdictOut # noqa: PLC0415
        approved = self.approved

        quantity = self.quantity

        reasons = self.reasons



        requested_quantity = self.requested_quantity

        verdicts = []
        for verdicts_item_data in self.verdicts:
            verdicts_item = verdicts_item_data.to_dict()
            verdicts.append(verdicts_item)



        warnings = self.warnings



        holds: list[str] | Unset = UNSET
        if not isinstance(self.holds, Unset):
            holds = self.holds




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "approved": approved,
            "quantity": quantity,
            "reasons": reasons,
            "requested_quantity": requested_quantity,
            "verdicts": verdicts,
            "warnings": warnings,
        })
        if holds is not UNSET:
            field_dict["holds"] = holds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verdict_out import VerdictOut # noqa: PLC0415
        d = dict(src_dict)
        approved = d.pop("approved")

        quantity = d.pop("quantity")

        reasons = cast(list[str], d.pop("reasons"))


        requested_quantity = d.pop("requested_quantity")

        verdicts = []
        _verdicts = d.pop("verdicts")
        for verdicts_item_data in (_verdicts):
            verdicts_item = VerdictOut.from_dict(verdicts_item_data)



            verdicts.append(verdicts_item)


        warnings = cast(list[str], d.pop("warnings"))


        holds = cast(list[str], d.pop("holds", UNSET))


        common_decision_out = cls(
            approved=approved,
            quantity=quantity,
            reasons=reasons,
            requested_quantity=requested_quantity,
            verdicts=verdicts,
            warnings=warnings,
            holds=holds,
        )


        common_decision_out.additional_properties = d
        return common_decision_out

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
