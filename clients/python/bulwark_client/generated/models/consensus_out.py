from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.source_in_round_out import SourceInRoundOut





T = TypeVar("T", bound="ConsensusOut")



@_attrs_define
class ConsensusOut:
    """ 
        Attributes:
            ask (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            bid (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            contributors (list[str]):
            dispersion_bps (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mid (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            outliers (list[str]):
            sources (list[SourceInRoundOut]):
            symbol (str):
            threshold_bps (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            verdict (str):
     """

    ask: str
    bid: str
    contributors: list[str]
    dispersion_bps: float
    mid: str
    outliers: list[str]
    sources: list[SourceInRoundOut]
    symbol: str
    threshold_bps: float
    verdict: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_in_round_out import SourceInRoundOut # noqa: PLC0415
        ask = self.ask

        bid = self.bid

        contributors = self.contributors



        dispersion_bps = self.dispersion_bps

        mid = self.mid

        outliers = self.outliers



        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        symbol = self.symbol

        threshold_bps = self.threshold_bps

        verdict = self.verdict


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ask": ask,
            "bid": bid,
            "contributors": contributors,
            "dispersion_bps": dispersion_bps,
            "mid": mid,
            "outliers": outliers,
            "sources": sources,
            "symbol": symbol,
            "threshold_bps": threshold_bps,
            "verdict": verdict,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_in_round_out import SourceInRoundOut # noqa: PLC0415
        d = dict(src_dict)
        ask = d.pop("ask")

        bid = d.pop("bid")

        contributors = cast(list[str], d.pop("contributors"))


        dispersion_bps = d.pop("dispersion_bps")

        mid = d.pop("mid")

        outliers = cast(list[str], d.pop("outliers"))


        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceInRoundOut.from_dict(sources_item_data)



            sources.append(sources_item)


        symbol = d.pop("symbol")

        threshold_bps = d.pop("threshold_bps")

        verdict = d.pop("verdict")

        consensus_out = cls(
            ask=ask,
            bid=bid,
            contributors=contributors,
            dispersion_bps=dispersion_bps,
            mid=mid,
            outliers=outliers,
            sources=sources,
            symbol=symbol,
            threshold_bps=threshold_bps,
            verdict=verdict,
        )


        consensus_out.additional_properties = d
        return consensus_out

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
