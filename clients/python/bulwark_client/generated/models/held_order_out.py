from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.approval_out import ApprovalOut
  from ..models.order_out import OrderOut





T = TypeVar("T", bound="HeldOrderOut")



@_attrs_define
class HeldOrderOut:
    """ 
        Attributes:
            order (OrderOut):
            reasons (list[str]):
            approvals (list[ApprovalOut] | Unset):
            approvals_missing (int | Unset):  Default: 1.
            approvals_required (int | Unset):  Default: 1.
            expires_at (datetime.datetime | None | Unset):
     """

    order: OrderOut
    reasons: list[str]
    approvals: list[ApprovalOut] | Unset = UNSET
    approvals_missing: int | Unset = 1
    approvals_required: int | Unset = 1
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_out import ApprovalOut # noqa: PLC0415
        from ..models.order_out import OrderOut # noqa: PLC0415
        order = self.order.to_dict()

        reasons = self.reasons



        approvals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.approvals, Unset):
            approvals = []
            for approvals_item_data in self.approvals:
                approvals_item = approvals_item_data.to_dict()
                approvals.append(approvals_item)



        approvals_missing = self.approvals_missing

        approvals_required = self.approvals_required

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "order": order,
            "reasons": reasons,
        })
        if approvals is not UNSET:
            field_dict["approvals"] = approvals
        if approvals_missing is not UNSET:
            field_dict["approvals_missing"] = approvals_missing
        if approvals_required is not UNSET:
            field_dict["approvals_required"] = approvals_required
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_out import ApprovalOut # noqa: PLC0415
        from ..models.order_out import OrderOut # noqa: PLC0415
        d = dict(src_dict)
        order = OrderOut.from_dict(d.pop("order"))




        reasons = cast(list[str], d.pop("reasons"))


        _approvals = d.pop("approvals", UNSET)
        approvals: list[ApprovalOut] | Unset = UNSET
        if _approvals is not UNSET:
            approvals = []
            for approvals_item_data in _approvals:
                approvals_item = ApprovalOut.from_dict(approvals_item_data)



                approvals.append(approvals_item)


        approvals_missing = d.pop("approvals_missing", UNSET)

        approvals_required = d.pop("approvals_required", UNSET)

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        held_order_out = cls(
            order=order,
            reasons=reasons,
            approvals=approvals,
            approvals_missing=approvals_missing,
            approvals_required=approvals_required,
            expires_at=expires_at,
        )


        held_order_out.additional_properties = d
        return held_order_out

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
