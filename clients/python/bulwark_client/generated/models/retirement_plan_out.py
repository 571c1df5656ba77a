from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.match_tier_out import MatchTierOut
  from ..models.vesting_out import VestingOut





T = TypeVar("T", bound="RetirementPlanOut")



@_attrs_define
class RetirementPlanOut:
    """ 
        Attributes:
            account_id (str):
            birth_date (datetime.date):
            compensation (None | str):
            created_at (datetime.datetime):
            kind (str):
            match_tiers (list[MatchTierOut]):
            self_employed (bool):
            service_start (datetime.date | None):
            updated_at (datetime.datetime):
            vesting (None | VestingOut):
     """

    account_id: str
    birth_date: datetime.date
    compensation: None | str
    created_at: datetime.datetime
    kind: str
    match_tiers: list[MatchTierOut]
    self_employed: bool
    service_start: datetime.date | None
    updated_at: datetime.datetime
    vesting: None | VestingOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.match_tier_out import MatchTierOut # noqa: PLC0415
        from ..models.vesting_out import VestingOut # noqa: PLC0415
        account_id = self.account_id

        birth_date = self.birth_date.isoformat()

        compensation: None | str
        compensation = self.compensation

        created_at = self.created_at.isoformat()

        kind = self.kind

        match_tiers = []
        for match_tiers_item_data in self.match_tiers:
            match_tiers_item = match_tiers_item_data.to_dict()
            match_tiers.append(match_tiers_item)



        self_employed = self.self_employed

        service_start: None | str
        if isinstance(self.service_start, datetime.date):
            service_start = self.service_start.isoformat()
        else:
            service_start = self.service_start

        updated_at = self.updated_at.isoformat()

        vesting: dict[str, Any] | None
        if isinstance(self.vesting, VestingOut):
            vesting = self.vesting.to_dict()
        else:
            vesting = self.vesting


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "birth_date": birth_date,
            "compensation": compensation,
            "created_at": created_at,
            "kind": kind,
            "match_tiers": match_tiers,
            "self_employed": self_employed,
            "service_start": service_start,
            "updated_at": updated_at,
            "vesting": vesting,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_tier_out import MatchTierOut # noqa: PLC0415
        from ..models.vesting_out import VestingOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        def _parse_compensation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        compensation = _parse_compensation(d.pop("compensation"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        kind = d.pop("kind")

        match_tiers = []
        _match_tiers = d.pop("match_tiers")
        for match_tiers_item_data in (_match_tiers):
            match_tiers_item = MatchTierOut.from_dict(match_tiers_item_data)



            match_tiers.append(match_tiers_item)


        self_employed = d.pop("self_employed")

        def _parse_service_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_start_type_0 = datetime.date.fromisoformat(data)



                return service_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        service_start = _parse_service_start(d.pop("service_start"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_vesting(data: object) -> None | VestingOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vesting_type_0 = VestingOut.from_dict(data)



                return vesting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VestingOut, data)

        vesting = _parse_vesting(d.pop("vesting"))


        retirement_plan_out = cls(
            account_id=account_id,
            birth_date=birth_date,
            compensation=compensation,
            created_at=created_at,
            kind=kind,
            match_tiers=match_tiers,
            self_employed=self_employed,
            service_start=service_start,
            updated_at=updated_at,
            vesting=vesting,
        )


        retirement_plan_out.additional_properties = d
        return retirement_plan_out

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
