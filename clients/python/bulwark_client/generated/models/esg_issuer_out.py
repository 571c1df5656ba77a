from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.esg_dataset_out import EsgDatasetOut
  from ..models.esg_issuer_out_revenue_shares import EsgIssuerOutRevenueShares





T = TypeVar("T", bound="EsgIssuerOut")



@_attrs_define
class EsgIssuerOut:
    """ 
        Attributes:
            as_of (datetime.date):
            dataset (EsgDatasetOut):
            environmental (None | str):
            evic_musd (None | str):
            governance (None | str):
            name (str):
            pcaf_quality (int | None):
            revenue_musd (None | str):
            revenue_shares (EsgIssuerOutRevenueShares):
            scope1_tco2e (None | str):
            scope2_tco2e (None | str):
            score (None | str):
            sector (str):
            social (None | str):
            symbol (str):
     """

    as_of: datetime.date
    dataset: EsgDatasetOut
    environmental: None | str
    evic_musd: None | str
    governance: None | str
    name: str
    pcaf_quality: int | None
    revenue_musd: None | str
    revenue_shares: EsgIssuerOutRevenueShares
    scope1_tco2e: None | str
    scope2_tco2e: None | str
    score: None | str
    sector: str
    social: None | str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_issuer_out_revenue_shares import EsgIssuerOutRevenueShares # noqa: PLC0415
        as_of = self.as_of.isoformat()

        dataset = self.dataset.to_dict()

        environmental: None | str
        environmental = self.environmental

        evic_musd: None | str
        evic_musd = self.evic_musd

        governance: None | str
        governance = self.governance

        name = self.name

        pcaf_quality: int | None
        pcaf_quality = self.pcaf_quality

        revenue_musd: None | str
        revenue_musd = self.revenue_musd

        revenue_shares = self.revenue_shares.to_dict()

        scope1_tco2e: None | str
        scope1_tco2e = self.scope1_tco2e

        scope2_tco2e: None | str
        scope2_tco2e = self.scope2_tco2e

        score: None | str
        score = self.score

        sector = self.sector

        social: None | str
        social = self.social

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "dataset": dataset,
            "environmental": environmental,
            "evic_musd": evic_musd,
            "governance": governance,
            "name": name,
            "pcaf_quality": pcaf_quality,
            "revenue_musd": revenue_musd,
            "revenue_shares": revenue_shares,
            "scope1_tco2e": scope1_tco2e,
            "scope2_tco2e": scope2_tco2e,
            "score": score,
            "sector": sector,
            "social": social,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_issuer_out_revenue_shares import EsgIssuerOutRevenueShares # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        dataset = EsgDatasetOut.from_dict(d.pop("dataset"))




        def _parse_environmental(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        environmental = _parse_environmental(d.pop("environmental"))


        def _parse_evic_musd(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evic_musd = _parse_evic_musd(d.pop("evic_musd"))


        def _parse_governance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        governance = _parse_governance(d.pop("governance"))


        name = d.pop("name")

        def _parse_pcaf_quality(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pcaf_quality = _parse_pcaf_quality(d.pop("pcaf_quality"))


        def _parse_revenue_musd(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revenue_musd = _parse_revenue_musd(d.pop("revenue_musd"))


        revenue_shares = EsgIssuerOutRevenueShares.from_dict(d.pop("revenue_shares"))




        def _parse_scope1_tco2e(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scope1_tco2e = _parse_scope1_tco2e(d.pop("scope1_tco2e"))


        def _parse_scope2_tco2e(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scope2_tco2e = _parse_scope2_tco2e(d.pop("scope2_tco2e"))


        def _parse_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        score = _parse_score(d.pop("score"))


        sector = d.pop("sector")

        def _parse_social(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        social = _parse_social(d.pop("social"))


        symbol = d.pop("symbol")

        esg_issuer_out = cls(
            as_of=as_of,
            dataset=dataset,
            environmental=environmental,
            evic_musd=evic_musd,
            governance=governance,
            name=name,
            pcaf_quality=pcaf_quality,
            revenue_musd=revenue_musd,
            revenue_shares=revenue_shares,
            scope1_tco2e=scope1_tco2e,
            scope2_tco2e=scope2_tco2e,
            score=score,
            sector=sector,
            social=social,
            symbol=symbol,
        )


        esg_issuer_out.additional_properties = d
        return esg_issuer_out

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
