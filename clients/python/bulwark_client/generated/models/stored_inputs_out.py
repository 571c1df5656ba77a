from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.contributions_out import ContributionsOut
  from ..models.history_fit_out import HistoryFitOut
  from ..models.holding_part_out import HoldingPartOut
  from ..models.left_out_holding_out import LeftOutHoldingOut
  from ..models.stored_inputs_out_sources import StoredInputsOutSources





T = TypeVar("T", bound="StoredInputsOut")



@_attrs_define
class StoredInputsOut:
    """ 
        Attributes:
            contributions (ContributionsOut | None):
            currency (str):
            history (HistoryFitOut | None):
            holdings (list[HoldingPartOut]):
            left_out (list[LeftOutHoldingOut]):
            sources (StoredInputsOutSources):
     """

    contributions: ContributionsOut | None
    currency: str
    history: HistoryFitOut | None
    holdings: list[HoldingPartOut]
    left_out: list[LeftOutHoldingOut]
    sources: StoredInputsOutSources
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contributions_out import ContributionsOut # noqa: PLC0415
        from ..models.history_fit_out import HistoryFitOut # noqa: PLC0415
        from ..models.holding_part_out import HoldingPartOut # noqa: PLC0415
        from ..models.left_out_holding_out import LeftOutHoldingOut # noqa: PLC0415
        from ..models.stored_inputs_out_sources import StoredInputsOutSources # noqa: PLC0415
        contributions: dict[str, Any] | None
        if isinstance(self.contributions, ContributionsOut):
            contributions = self.contributions.to_dict()
        else:
            contributions = self.contributions

        currency = self.currency

        history: dict[str, Any] | None
        if isinstance(self.history, HistoryFitOut):
            history = self.history.to_dict()
        else:
            history = self.history

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        left_out = []
        for left_out_item_data in self.left_out:
            left_out_item = left_out_item_data.to_dict()
            left_out.append(left_out_item)



        sources = self.sources.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contributions": contributions,
            "currency": currency,
            "history": history,
            "holdings": holdings,
            "left_out": left_out,
            "sources": sources,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contributions_out import ContributionsOut # noqa: PLC0415
        from ..models.history_fit_out import HistoryFitOut # noqa: PLC0415
        from ..models.holding_part_out import HoldingPartOut # noqa: PLC0415
        from ..models.left_out_holding_out import LeftOutHoldingOut # noqa: PLC0415
        from ..models.stored_inputs_out_sources import StoredInputsOutSources # noqa: PLC0415
        d = dict(src_dict)
        def _parse_contributions(data: object) -> ContributionsOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contributions_type_0 = ContributionsOut.from_dict(data)



                return contributions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContributionsOut | None, data)

        contributions = _parse_contributions(d.pop("contributions"))


        currency = d.pop("currency")

        def _parse_history(data: object) -> HistoryFitOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_type_0 = HistoryFitOut.from_dict(data)



                return history_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryFitOut | None, data)

        history = _parse_history(d.pop("history"))


        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = HoldingPartOut.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        left_out = []
        _left_out = d.pop("left_out")
        for left_out_item_data in (_left_out):
            left_out_item = LeftOutHoldingOut.from_dict(left_out_item_data)



            left_out.append(left_out_item)


        sources = StoredInputsOutSources.from_dict(d.pop("sources"))




        stored_inputs_out = cls(
            contributions=contributions,
            currency=currency,
            history=history,
            holdings=holdings,
            left_out=left_out,
            sources=sources,
        )


        stored_inputs_out.additional_properties = d
        return stored_inputs_out

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
