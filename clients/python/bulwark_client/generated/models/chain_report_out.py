from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.chain_break_out import ChainBreakOut





T = TypeVar("T", bound="ChainReportOut")



@_attrs_define
class ChainReportOut:
    """ 
        Attributes:
            checked (int):
            head_hash (str):
            head_seq (int):
            ok (bool):
            broken (ChainBreakOut | None | Unset):
     """

    checked: int
    head_hash: str
    head_seq: int
    ok: bool
    broken: ChainBreakOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chain_break_out import ChainBreakOut # noqa: PLC0415
        checked = self.checked

        head_hash = self.head_hash

        head_seq = self.head_seq

        ok = self.ok

        broken: dict[str, Any] | None | Unset
        if isinstance(self.broken, Unset):
            broken = UNSET
        elif isinstance(self.broken, ChainBreakOut):
            broken = self.broken.to_dict()
        else:
            broken = self.broken


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checked": checked,
            "head_hash": head_hash,
            "head_seq": head_seq,
            "ok": ok,
        })
        if broken is not UNSET:
            field_dict["broken"] = broken

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_break_out import ChainBreakOut # noqa: PLC0415
        d = dict(src_dict)
        checked = d.pop("checked")

        head_hash = d.pop("head_hash")

        head_seq = d.pop("head_seq")

        ok = d.pop("ok")

        def _parse_broken(data: object) -> ChainBreakOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                broken_type_0 = ChainBreakOut.from_dict(data)



                return broken_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChainBreakOut | None | Unset, data)

        broken = _parse_broken(d.pop("broken", UNSET))


        chain_report_out = cls(
            checked=checked,
            head_hash=head_hash,
            head_seq=head_seq,
            ok=ok,
            broken=broken,
        )


        chain_report_out.additional_properties = d
        return chain_report_out

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
