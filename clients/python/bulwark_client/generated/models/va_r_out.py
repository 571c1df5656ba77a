from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tail_index_out import TailIndexOut
  from ..models.va_r_level_out import VaRLevelOut





T = TypeVar("T", bound="VaROut")



@_attrs_define
class VaROut:
    """ 
        Attributes:
            at_95 (VaRLevelOut):
            at_99 (VaRLevelOut):
            observations (int):
            portfolio_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            tail_index (None | TailIndexOut | Unset): Hill tail index; null with fewer than 10 losses
     """

    at_95: VaRLevelOut
    at_99: VaRLevelOut
    observations: int
    portfolio_value: str
    tail_index: None | TailIndexOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tail_index_out import TailIndexOut # noqa: PLC0415
        from ..models.va_r_level_out import VaRLevelOut # noqa: PLC0415
        at_95 = self.at_95.to_dict()

        at_99 = self.at_99.to_dict()

        observations = self.observations

        portfolio_value = self.portfolio_value

        tail_index: dict[str, Any] | None | Unset
        if isinstance(self.tail_index, Unset):
            tail_index = UNSET
        elif isinstance(self.tail_index, TailIndexOut):
            tail_index = self.tail_index.to_dict()
        else:
            tail_index = self.tail_index


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at_95": at_95,
            "at_99": at_99,
            "observations": observations,
            "portfolio_value": portfolio_value,
        })
        if tail_index is not UNSET:
            field_dict["tail_index"] = tail_index

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tail_index_out import TailIndexOut # noqa: PLC0415
        from ..models.va_r_level_out import VaRLevelOut # noqa: PLC0415
        d = dict(src_dict)
        at_95 = VaRLevelOut.from_dict(d.pop("at_95"))




        at_99 = VaRLevelOut.from_dict(d.pop("at_99"))




        observations = d.pop("observations")

        portfolio_value = d.pop("portfolio_value")

        def _parse_tail_index(data: object) -> None | TailIndexOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tail_index_type_0 = TailIndexOut.from_dict(data)



                return tail_index_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TailIndexOut | Unset, data)

        tail_index = _parse_tail_index(d.pop("tail_index", UNSET))


        va_r_out = cls(
            at_95=at_95,
            at_99=at_99,
            observations=observations,
            portfolio_value=portfolio_value,
            tail_index=tail_index,
        )


        va_r_out.additional_properties = d
        return va_r_out

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
